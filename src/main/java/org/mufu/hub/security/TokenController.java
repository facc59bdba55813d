package org.mufu.hub.security;

import java.time.Instant;

import org.mufu.hub.HubException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Controller;

/** {@code revokeToken}: an administrator ends a token before its time, on every hub. */
@Controller
class TokenController {

	private final JwtDecoder tokens;

	private final RevokedTokens revoked;

	private final AuditTrail audit;

	TokenController(JwtDecoder tokens, RevokedTokens revoked, AuditTrail audit) {
		this.audit = audit;
		this.tokens = tokens;
		this.revoked = revoked;
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	RevokedToken revokeToken(@Argument String token, Caller caller) {
		Jwt jwt;
		try {
			jwt = this.tokens.decode(token);
		}
		catch (JwtException ex) {
			throw HubException.badRequest("token.not-in-force");
		}
		if (jwt.getId() == null) {
			throw HubException.badRequest("token.not-revocable", String.valueOf(jwt.getExpiresAt()));
		}
		this.revoked.revoke(jwt.getId(), caller.by());
		this.audit.record("TOKEN_REVOKED", caller.by(), jwt.getId(),
				jwt.getClaimAsString(TokenService.ORG) + ":" + jwt.getClaimAsString(TokenService.ROLE));
		return new RevokedToken(jwt.getId(), jwt.getClaimAsString(TokenService.ORG),
				Role.valueOf(jwt.getClaimAsString(TokenService.ROLE)), jwt.getExpiresAt());
	}

	record RevokedToken(String id, String org, Role role, Instant expiresAt) {
	}
}
