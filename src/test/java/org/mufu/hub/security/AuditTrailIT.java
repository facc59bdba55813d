package org.mufu.hub.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail keeps who did what, for administrators only. */
class AuditTrailIT extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Test
	void publishingWithdrawingPeopleSignInsAndRevocationsAreKept() throws Exception {
		Instant from = Instant.now().minusSeconds(1);
		String title = "审计-" + UUID.randomUUID().toString().substring(0, 6);
		String item = this.testers.uploader("xiushui").documentName("createContent")
			.variable("input", Map.of("kind", "ARTICLE", "title", title, "body", "<p>修水宁红茶开采。</p>"))
			.execute()
			.path("createContent.id").entity(String.class).get();
		this.testers.uploader("xiushui").documentName("submitForReview").variable("id", item).execute();
		this.testers.editor("pingjiang").documentName("publish").variable("id", item)
			.variable("channels", List.of("WEBSITE")).execute()
			.path("publish.__typename").entity(String.class).isEqualTo("Published");
		this.testers.editor("pingjiang").documentName("withdraw").variable("id", item).variable("reason", "图片待核实")
			.execute();
		String login = "xiushui.audit-" + UUID.randomUUID().toString().substring(0, 6);
		this.people.invite(login, "审计员", "xiushui", Role.UPLOADER, "admin");
		failedSignIn(login);
		String token = this.tokens.issue("liuyang", Role.CHANNEL);
		this.testers.admin().documentName("revokeToken").variable("token", token).execute();
		String credential = this.testers.admin().documentName("issueCredential").variable("memberId", "liuyang")
			.variable("name", "浏阳微信发布").variable("ttlDays", 30).execute()
			.path("issueCredential.credential.id").entity(String.class).get();
		this.testers.admin().documentName("revokeCredential").variable("id", credential).execute();

		List<Map<String, Object>> events = trail(from, Instant.now().plusSeconds(1));
		assertThat(events).extracting(e -> e.get("action") + " " + e.get("subject"))
			.contains("PUBLISHED " + item, "WITHDRAWN " + item, "PERSON_INVITED " + login, "SIGN_IN_FAILED xiushui",
					"CREDENTIAL_ISSUED liuyang", "CREDENTIAL_REVOKED " + credential)
			.anyMatch(line -> line.startsWith("TOKEN_REVOKED "));
		assertThat(events).filteredOn(e -> e.get("action").equals("PUBLISHED") && e.get("subject").equals(item))
			.singleElement()
			.satisfies(e -> assertThat(e).containsEntry("by", "pingjiang:EDITOR").containsEntry("detail", "WEBSITE"));
		assertThat(events).extracting(e -> Instant.parse((String) e.get("at")))
			.isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void onlyAdministratorsReadTheTrailAndOnlyAMonthAtATime() {
		Instant now = Instant.now();
		this.testers.editor("pingjiang").documentName("auditTrail").variable("from", now.minusSeconds(60).toString())
			.variable("to", now.toString()).execute().errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
		this.testers.admin().documentName("auditTrail")
			.variable("from", now.minus(40, ChronoUnit.DAYS).toString()).variable("to", now.toString()).execute()
			.errors().satisfy(errors -> assertClassified(errors, ErrorKind.BAD_REQUEST));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> trail(Instant from, Instant to) {
		return this.testers.admin().documentName("auditTrail").variable("from", from.toString())
			.variable("to", to.toString()).execute().path("auditTrail").entityList(Map.class).get().stream()
			.map(m -> (Map<String, Object>) m).toList();
	}

	private void failedSignIn(String login) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?value=\"([^\"]+)\"")
			.matcher(page);
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1) + "&username=" + login + "&password=nope"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("error=wrong");
	}
}
