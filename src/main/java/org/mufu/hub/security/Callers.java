package org.mufu.hub.security;

import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs work of the hub's own (loading the demo archive) as a given member and role, with the same checks. */
public final class Callers {

	private Callers() {
	}

	public static <T> T as(Caller caller, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new CallerAuthentication(caller, null));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
