package org.mufu.hub.security;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.IntegrationTest;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityIT extends IntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	TokenSecret secret;

	@org.springframework.beans.factory.annotation.Autowired
	RevokedTokens revoked;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.security.oauth2.jwt.JwtDecoder decoder;

	@org.springframework.beans.factory.annotation.Autowired
	org.mufu.hub.storage.ObjectStorage storage;

	@Test
	void requestWithoutTokenIsUnauthorized() {
		this.web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ organizations { id } }"))
			.exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void tokenWithAForgedSignatureIsUnauthorized() {
		String forged = this.tokens.issue("tongcheng", Role.ADMIN);
		String tampered = forged.substring(0, forged.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLW9mLXNvbWVvbmUtZWxzZQ";

		this.web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + tampered)
			.bodyValue(Map.of("query", "{ organizations { id } }"))
			.exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void aTokenWithoutAnEndOrLastingTenYearsIsUnauthorizedEvenWhenSignedWithTheSecret() {
		var encoder = new org.springframework.security.oauth2.jwt.NimbusJwtEncoder(
				new com.nimbusds.jose.jwk.source.ImmutableSecret<>(this.secret.key()));
		java.time.Instant now = java.time.Instant.now();
		for (java.time.Instant expiry : java.util.Arrays.asList(null, now.plus(java.time.Duration.ofDays(3650)))) {
			var claims = org.springframework.security.oauth2.jwt.JwtClaimsSet.builder()
				.issuer(TokenService.ISSUER)
				.issuedAt(now)
				.claim(TokenService.ORG, "tongcheng")
				.claim(TokenService.ROLE, "ADMIN");
			if (expiry != null) {
				claims.expiresAt(expiry);
			}
			String token = encoder.encode(org.springframework.security.oauth2.jwt.JwtEncoderParameters.from(
					org.springframework.security.oauth2.jwt.JwsHeader
						.with(org.springframework.security.oauth2.jose.jws.MacAlgorithm.HS256)
						.build(),
					claims.build())).getTokenValue();

			this.web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Bearer " + token)
				.bodyValue(Map.of("query", "{ organizations { id } }"))
				.exchange()
				.expectStatus().isUnauthorized();
		}
	}

	@Test
	void channelAppsCannotReadTheSchemaAndStaffCan() {
		this.testers.channel("xiushui").documentName("introspection")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
		this.testers.channel("xiushui").document("{ hub { __typename version } }")
			.execute()
			.path("hub.__typename").entity(String.class).isEqualTo("Hub");
		this.testers.uploader("xiushui").documentName("introspection")
			.execute()
			.path("__schema.queryType.name").entity(String.class).isEqualTo("Query");

		this.web.get().uri("/graphql/schema").exchange().expectStatus().isUnauthorized();
		webAs("xiushui", Role.CHANNEL).get().uri("/graphql/schema").exchange().expectStatus().isForbidden();
		webAs("xiushui", Role.EDITOR).get().uri("/graphql/schema").exchange().expectStatus().isOk();
	}

	@Test
	void aRevokedTokenStopsWorkingAndOnlyAnAdminRevokes() {
		String token = this.tokens.issue("liuyang", Role.UPLOADER);
		this.graphQlTester.mutate().header("Authorization", "Bearer " + token).build()
			.documentName("me")
			.execute()
			.path("me.org").entity(String.class).isEqualTo("liuyang");

		this.testers.editor("liuyang").documentName("revokeToken").variable("token", token)
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
		this.testers.admin().documentName("revokeToken").variable("token", token)
			.execute()
			.path("revokeToken.org").entity(String.class).isEqualTo("liuyang")
			.path("revokeToken.role").entity(String.class).isEqualTo("UPLOADER");

		this.web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token)
			.bodyValue(Map.of("query", "{ me { org } }"))
			.exchange()
			.expectStatus().isUnauthorized();
		this.testers.admin().documentName("revokeToken").variable("token", token)
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.BAD_REQUEST));
		// another token of the same member and role still works
		this.testers.uploader("liuyang").documentName("me").execute()
			.path("me.org").entity(String.class).isEqualTo("liuyang");
	}

	@Test
	void aTokenAnotherHubRevokedIsRefusedOnceThisHubHasReadTheList() {
		String token = this.tokens.issue("xiushui", Role.CHANNEL);
		String id = this.decoder.decode(token).getId();
		// what revokeToken on another hub leaves in storage
		this.storage.putBytes("revoked/" + id, "{\"by\":\"tongcheng:ADMIN\"}".getBytes(), "application/json");

		this.revoked.refresh();

		this.web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + token)
			.bodyValue(Map.of("query", "{ me { org } }"))
			.exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void membersAreListedWithTheirChineseNames() {
		this.testers.channel("xiushui").documentName("organizations")
			.execute()
			.path("organizations[*].id").entityList(String.class)
			.containsExactly("tongcheng", "pingjiang", "liuyang", "xiushui")
			.path("organizations[1].name").entity(String.class).isEqualTo("平江县融媒体中心")
			.path("organizations[3].province").entity(String.class).isEqualTo("江西省");
	}

	@Test
	void channelAppMayNotCreateContent() {
		this.testers.channel("liuyang").documentName("createContent")
			.variable("input", Map.of("kind", "ARTICLE", "title", "浏阳蒸菜", "body", "<p>蒸菜</p>"))
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
	}

	@Test
	void tokenCommandPrintsATokenThisServerAccepts() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream original = System.out;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		int status;
		try {
			status = TokenCommand.run(new String[] { "--org", "pingjiang", "--role", "EDITOR",
					"--hub.data-dir=" + DATA_DIR });
		}
		finally {
			System.setOut(original);
		}
		List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();

		assertThat(status).isZero();
		this.graphQlTester.mutate().header("Authorization", "Bearer " + lines.get(lines.size() - 1)).build()
			.documentName("me")
			.execute()
			.path("me.org").entity(String.class).isEqualTo("pingjiang")
			.path("me.role").entity(String.class).isEqualTo("EDITOR");
	}

	@Test
	void tokenCommandRefusesAnUnknownMember() {
		assertThat(TokenCommand.run(new String[] { "--org", "atlantis", "--role", "EDITOR",
				"--hub.data-dir=" + DATA_DIR })).isEqualTo(2);
	}
}
