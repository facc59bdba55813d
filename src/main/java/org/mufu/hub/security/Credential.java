package org.mufu.hub.security;

import java.time.Instant;

/**
 * A channel app's credential, kept under {@code credentials/{id}/} (one object per version): the CHANNEL token of
 * one member that the app holds, known by the token's id, named for the app (e.g. 通城县微信公众号发布). The token
 * itself is shown once when issued and stored nowhere.
 */
public record Credential(String id, String org, String name, String issuedBy, Instant issuedAt, Instant expiresAt,
		Instant revokedAt, String revokedBy) {

	Credential revoked(String by, Instant at) {
		return this.revokedAt != null ? this
				: new Credential(this.id, this.org, this.name, this.issuedBy, this.issuedAt, this.expiresAt, at, by);
	}
}
