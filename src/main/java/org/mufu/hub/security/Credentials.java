package org.mufu.hub.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mufu.hub.HubException;
import org.mufu.hub.PlainText;
import org.mufu.hub.storage.ObjectStorage;
import org.mufu.hub.storage.VersionedJson;

import org.springframework.stereotype.Component;

/**
 * Channel-app credentials: a CHANNEL token issued for one app of a member, with a record that says for which app,
 * by whom and until when; revoking one puts its token on the deny list every hub reads.
 */
@Component
class Credentials {

	private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9a-f-]{36}");

	private final VersionedJson<Credential> records;

	private final TokenService tokens;

	private final RevokedTokens revoked;

	private final OrganizationDirectory members;

	Credentials(ObjectStorage storage, ObjectMapper json, TokenService tokens, RevokedTokens revoked,
			OrganizationDirectory members) {
		this.records = new VersionedJson<>(storage, json, "credentials/", Credential.class);
		this.tokens = tokens;
		this.revoked = revoked;
		this.members = members;
	}

	/** A credential just issued, with its token: shown to the administrator once. */
	record Issued(Credential credential, String token) {
	}

	Issued issue(String org, String name, int ttlDays, String by) {
		if (!this.members.isMember(org)) {
			throw HubException.notFound("member.not-found", org);
		}
		String app = PlainText.line(name);
		if (app == null || app.isBlank() || app.length() > 60) {
			throw HubException.badRequest("credential.name-invalid");
		}
		if (ttlDays < 1 || ttlDays > TokenService.MAX_TTL.toDays()) {
			throw HubException.badRequest("credential.ttl-invalid", TokenService.MAX_TTL.toDays());
		}
		String id = UUID.randomUUID().toString();
		Instant now = Instant.now();
		Duration ttl = Duration.ofDays(ttlDays);
		String token = this.tokens.issue(org, Role.CHANNEL, ttl, id);
		Credential credential = new Credential(id, org, app.strip(), by, now, now.plus(ttl), null, null);
		this.records.create(id, credential);
		return new Issued(credential, token);
	}

	/** A member's credentials (every member's when null), newest first. */
	List<Credential> list(String org) {
		return this.records.all()
			.stream()
			.filter(credential -> org == null || credential.org().equals(org))
			.sorted(Comparator.comparing(Credential::issuedAt).reversed())
			.toList();
	}

	Credential revoke(String id, String by) {
		Credential credential = (id != null && ID.matcher(id).matches() ? this.records.find(id)
				: java.util.Optional.<Credential>empty())
			.orElseThrow(() -> HubException.notFound("credential.not-found", id));
		this.revoked.revoke(credential.id(), by);
		return this.records.update(id, c -> c.revoked(by, Instant.now())).orElse(credential);
	}
}
