package org.mufu.hub.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.security.People;
import org.mufu.hub.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's door, over plain HTTP: sign-in with a password, the lock after five wrong ones, CSRF on every
 * form, the page policy, roles, and a person disabled while signed in.
 */
class ConsoleSecurityIT extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?value=\"([^\"]+)\"");

	private static final String PASSWORD = "a-password-of-my-own";

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Test
	void pagesNeedASignInAndSignInNeedsTheRightPassword() throws Exception {
		Browser anonymous = new Browser();
		HttpResponse<String> archive = anonymous.get("/console/archive");
		assertThat(archive.statusCode()).isEqualTo(302);
		assertThat(archive.headers().firstValue("Location").orElseThrow()).endsWith("/login");

		String login = person("tongcheng", Role.UPLOADER);
		assertThat(anonymous.signIn(login, "not it").headers().firstValue("Location").orElseThrow())
			.endsWith("/login?error=wrong");
		assertThat(anonymous.signIn(login, PASSWORD).headers().firstValue("Location").orElseThrow())
			.contains("/console/archive");
		HttpResponse<String> page = anonymous.get("/console/archive");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("资料库");
	}

	@Test
	void fiveWrongPasswordsLockTheSignInEvenForTheRightOne() throws Exception {
		String login = person("liuyang", Role.UPLOADER);
		Browser browser = new Browser();
		for (int i = 0; i < 4; i++) {
			assertThat(browser.signIn(login, "wrong " + i).headers().firstValue("Location").orElseThrow())
				.endsWith("error=wrong");
		}
		assertThat(browser.signIn(login, "wrong 5").headers().firstValue("Location").orElseThrow())
			.endsWith("error=locked");
		assertThat(browser.signIn(login, PASSWORD).headers().firstValue("Location").orElseThrow())
			.endsWith("error=locked");
		assertThat(this.people.find(login).orElseThrow().lockedUntil()).isNotNull();

		this.people.resetPassword(login);
		assertThat(this.people.find(login).orElseThrow().lockedUntil()).isNull();
	}

	@Test
	void aFormWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
		Browser browser = new Browser();
		browser.signIn(person("xiushui", Role.UPLOADER), PASSWORD);
		HttpResponse<String> forged = browser.post("/console/password",
				"current=" + PASSWORD + "&chosen=taken-over-1234&repeated=taken-over-1234");
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	@Test
	void pagesForbidInlineScriptsAndAdministrationIsForAdmins() throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> signIn = browser.get("/login");
		String policy = signIn.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(signIn.body()).doesNotContain("<script>").doesNotContain("style=\"");

		browser.signIn(person("tongcheng", Role.UPLOADER), PASSWORD);
		assertThat(browser.get("/console/admin").statusCode()).isEqualTo(403);
	}

	@Test
	void graphiQlIsOffUnlessTurnedOnForDevelopment() throws Exception {
		assertThat(new Browser().get("/graphiql").statusCode()).isEqualTo(404);
	}

	@Test
	void aPersonDisabledWhileSignedInIsSignedOutAtTheNextClick() throws Exception {
		String login = person("pingjiang", Role.EDITOR);
		Browser browser = new Browser();
		browser.signIn(login, PASSWORD);
		assertThat(browser.get("/console/archive").statusCode()).isEqualTo(200);

		this.people.setDisabled(login, true);
		HttpResponse<String> next = browser.get("/console/archive");
		assertThat(next.statusCode()).isEqualTo(302);
		assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login?error=disabled");
		assertThat(browser.signIn(login, PASSWORD).headers().firstValue("Location").orElseThrow())
			.endsWith("error=disabled");
	}

	@Test
	void aOneTimePasswordMustBeReplacedBeforeAnythingElse() throws Exception {
		String login = "xiushui.new-" + UUID.randomUUID().toString().substring(0, 6);
		People.Invited invited = this.people.invite(login, "陈静", "xiushui", Role.UPLOADER, "test");
		Browser browser = new Browser();
		browser.signIn(login, invited.oneTimePassword());
		HttpResponse<String> archive = browser.get("/console/archive");
		assertThat(archive.headers().firstValue("Location").orElseThrow()).endsWith("/console/password");

		String token = browser.csrf("/console/password");
		HttpResponse<String> chosen = browser.post("/console/password", "_csrf=" + token + "&current="
				+ invited.oneTimePassword() + "&chosen=" + PASSWORD + "&repeated=" + PASSWORD);
		assertThat(chosen.headers().firstValue("Location").orElseThrow()).contains("/console/archive");
		assertThat(browser.get("/console/archive").statusCode()).isEqualTo(200);
		assertThat(this.people.find(login).orElseThrow().mustChangePassword()).isFalse();
	}

	private String person(String org, Role role) {
		String login = org + ".t-" + UUID.randomUUID().toString().substring(0, 6);
		People.Invited invited = this.people.invite(login, "测试", org, role, "test");
		this.people.changePassword(login, invited.oneTimePassword(), PASSWORD);
		return login;
	}

	/** A client that keeps cookies and does not follow redirects, as a browser's first hop. */
	private final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(uri(path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		String csrf(String path) throws IOException, InterruptedException {
			Matcher token = CSRF.matcher(get(path).body());
			assertThat(token.find()).as("a CSRF field on " + path).isTrue();
			return token.group(1);
		}

		HttpResponse<String> signIn(String login, String password) throws IOException, InterruptedException {
			return post("/login", "_csrf=" + csrf("/login") + "&username=" + encode(login) + "&password="
					+ encode(password));
		}

		private URI uri(String path) {
			return URI.create("http://localhost:" + ConsoleSecurityIT.this.port + path);
		}

		private String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}
	}
}
