package org.mufu.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mufu.hub.security.Role;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client gets wrong is answered 4xx with a plain message, and logged as no failure of the hub's. */
@ExtendWith(OutputCaptureExtension.class)
class ClientMistakesIT extends IntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void malformedJsonIsABadRequest(CapturedOutput output) throws Exception {
		HttpResponse<String> answer = post("/graphql", "{\"query\": \"{ hub { version } }\"");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertNothingLoggedAsAFailure(output);
	}

	@Test
	void aBatchIsABadRequest(CapturedOutput output) throws Exception {
		HttpResponse<String> answer = post("/graphql",
				"[{\"query\": \"{ hub { version } }\"}, {\"query\": \"{ hub { version } }\"}]");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertNothingLoggedAsAFailure(output);
	}

	@Test
	void anUnknownAddressWithATokenIsNotFound(CapturedOutput output) throws Exception {
		HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/nothing-here")).GET());

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.body()).contains("NOT_FOUND");
		assertNothingLoggedAsAFailure(output);
	}

	@Test
	void aWrongMethodIsNotAFailure(CapturedOutput output) throws Exception {
		HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/uploads")).DELETE());

		assertThat(answer.statusCode()).isEqualTo(405);
		assertNothingLoggedAsAFailure(output);
	}

	@Test
	void aNulInAnUploadedFileNameIsABadRequest(CapturedOutput output) throws Exception {
		HttpResponse<String> answer = Multipart.post(this.port, this.tokens.issue("tongcheng", Role.UPLOADER),
				"photo\u0000.jpg", uniqueJpeg("photos/huangpao-azaleas.jpg"));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("BAD_REQUEST");
		assertNothingLoggedAsAFailure(output);
	}

	@Test
	void aRequestWithoutAQueryIsABadRequest(CapturedOutput output) throws Exception {
		HttpResponse<String> answer = post("/graphql", "{\"variables\": {}}");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertNothingLoggedAsAFailure(output);
	}

	@Test
	void aRequestOverTwoMegabytesIsRefusedBeforeItIsRead(CapturedOutput output) throws Exception {
		String huge = "{\"query\": \"query($s: String) { suggest(prefix: $s) }\", \"variables\": {\"s\": \""
				+ "a".repeat(3 * 1024 * 1024) + "\"}}";

		HttpResponse<String> declared = post("/graphql", huge);
		HttpResponse<String> streamed = send(HttpRequest.newBuilder(uri("/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(
					() -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));

		assertThat(declared.statusCode()).isEqualTo(413);
		assertThat(declared.body()).contains("TOO_LARGE");
		assertThat(streamed.statusCode()).isEqualTo(400);
		assertNothingLoggedAsAFailure(output);
	}

	@Test
	void aRestAnswerIsInChineseUnlessTheClientAsksForEnglish() throws Exception {
		HttpResponse<String> chinese = send(HttpRequest.newBuilder(uri("/api/nothing-here")).GET());
		HttpResponse<String> english = send(HttpRequest.newBuilder(uri("/api/nothing-here"))
			.header("Accept-Language", "en-US,en;q=0.9").GET());
		HttpResponse<String> french = send(HttpRequest.newBuilder(uri("/api/nothing-here"))
			.header("Accept-Language", "fr").GET());

		assertThat(chinese.body()).contains("NOT_FOUND", "这个地址下没有内容。");
		assertThat(english.body()).contains("NOT_FOUND", "There is nothing at this address.");
		assertThat(french.body()).contains("这个地址下没有内容。");
	}

	@Test
	void aGraphQlErrorIsInChineseUnlessTheClientAsksForEnglish() throws Exception {
		String query = "{\"query\": \"{ channelReadiness(contentId: \\\"nothing0here\\\") { ready } }\"}";

		HttpResponse<String> chinese = post("/graphql", query);
		HttpResponse<String> english = send(HttpRequest.newBuilder(uri("/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString(query)));

		assertThat(chinese.body()).contains("NOT_FOUND", "稿件 nothing0here 不存在。");
		assertThat(english.body()).contains("NOT_FOUND", "There is no item nothing0here.");
	}

	private static void assertNothingLoggedAsAFailure(CapturedOutput output) {
		assertThat(output.getOut() + output.getErr()).doesNotContain(" ERROR ").doesNotContain("\tat org.");
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient()
			.send(request.header("Authorization", "Bearer " + this.tokens.issue("pingjiang", Role.UPLOADER)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}
}
