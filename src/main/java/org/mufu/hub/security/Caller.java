package org.mufu.hub.security;

import java.io.Serializable;

/**
 * Who makes a request: one member organisation acting in one role, and the person signed in to the console
 * ({@code person} is null for a bearer token, which names no one). What it may do is {@link AccessPolicy}'s.
 */
public record Caller(String org, Role role, String person) implements Serializable {

	public Caller(String org, Role role) {
		this(org, role, null);
	}

	/** The name history and the change log keep for this caller: the person's sign-in, else member and role. */
	public String by() {
		return this.person != null ? this.person : this.org + ":" + this.role;
	}

	/** See {@link AccessPolicy#actsForAlliance}. */
	public boolean actsForAlliance() {
		return AccessPolicy.actsForAlliance(this);
	}

	/** See {@link AccessPolicy#seesAllOf}. */
	public boolean sees(String owner) {
		return AccessPolicy.seesAllOf(this, owner);
	}

	/** See {@link AccessPolicy#mayChange}. */
	public boolean mayChange(String owner) {
		return AccessPolicy.mayChange(this, owner);
	}
}
