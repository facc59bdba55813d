package org.mufu.hub.security;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Tokens already checked, kept until they expire: a channel app sends the same token with every feed request,
 * and checking its signature and claims each time was a tenth of serving the page. Expiry is checked on every
 * use, and revocation too; a full cache is emptied rather than grown.
 */
final class CheckedTokens implements JwtDecoder {

	private static final int MAX_KEPT = 10_000;

	private final JwtDecoder decoder;

	private final RevokedTokens revoked;

	private final Map<String, Jwt> checked = new ConcurrentHashMap<>();

	CheckedTokens(JwtDecoder decoder, RevokedTokens revoked) {
		this.decoder = decoder;
		this.revoked = revoked;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = this.checked.get(token);
		if (jwt != null && this.revoked.revoked(jwt.getId())) {
			this.checked.remove(token);
			throw new BadJwtException("The token has been revoked");
		}
		if (jwt != null && jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(Instant.now())) {
			return jwt;
		}
		if (jwt != null) {
			this.checked.remove(token);
		}
		Jwt decoded = this.decoder.decode(token);
		if (this.revoked.revoked(decoded.getId())) {
			throw new BadJwtException("The token has been revoked");
		}
		if (decoded.getExpiresAt() != null) {
			if (this.checked.size() >= MAX_KEPT) {
				this.checked.clear();
			}
			this.checked.put(token, decoded);
		}
		return decoded;
	}
}
