package org.mufu.hub.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request: its principal is the {@link Caller}, its authority the caller's role. */
class CallerAuthentication extends AbstractAuthenticationToken {

	private final Caller caller;

	private final Jwt token;

	CallerAuthentication(Caller caller, Jwt token) {
		super(List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
		this.caller = caller;
		this.token = token;
		setAuthenticated(true);
	}

	@Override
	public Caller getPrincipal() {
		return this.caller;
	}

	@Override
	public Jwt getCredentials() {
		return this.token;
	}

	@Override
	public String getName() {
		return this.caller.org();
	}
}
