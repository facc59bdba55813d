package org.mufu.hub.security;

import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;

/** Issues the signed bearer tokens that name a member and a role. */
@Service
public class TokenService {

	static final String ISSUER = "mufu-hub";

	static final String ORG = "org";

	static final String ROLE = "role";

	/** The longest a token may last: a lost token stops working within this, whoever minted it. */
	public static final Duration MAX_TTL = Duration.ofDays(90);

	private final JwtEncoder encoder;

	private final ObjectProvider<OrganizationDirectory> members;

	private final SecurityProperties properties;

	/** {@code members} is absent in the {@code token} command, which reads no storage; the server checks again. */
	TokenService(TokenSecret secret, ObjectProvider<OrganizationDirectory> members, SecurityProperties properties) {
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(secret.key()));
		this.members = members;
		this.properties = properties;
	}

	/** A token for a member in a role, valid for the configured time. */
	public String issue(String org, Role role) {
		return issue(org, role, this.properties.tokenTtl());
	}

	public String issue(String org, Role role, Duration ttl) {
		return issue(org, role, ttl, java.util.UUID.randomUUID().toString());
	}

	/** A token with the given id, which a credential's record and the deny list know it by. */
	String issue(String org, Role role, Duration ttl, String id) {
		if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
			throw new IllegalArgumentException("A token lasts more than nothing and at most 90 days (" + MAX_TTL
					+ "); asked for " + ttl + ".");
		}
		OrganizationDirectory directory = this.members.getIfAvailable();
		if (directory != null && !directory.isMember(org)) {
			throw new IllegalArgumentException("'" + org + "' is not a member of the alliance; members are "
					+ directory.all().stream().map(Organization::id).toList());
		}
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.id(id)
			.subject(org + ":" + role.name().toLowerCase())
			.issuedAt(now)
			.expiresAt(now.plus(ttl))
			.claim(ORG, org)
			.claim(ROLE, role.name())
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}
}
