package org.mufu.hub.content;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.security.Role;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads straight to storage: what the URL allows, completing them once whatever the retries, what is left. */
class PresignedUploadIT extends IntegrationTest {

	@Autowired
	ObjectStorage storage;

	@Autowired
	ExpiredUploads expiredUploads;

	private final HttpClient http = HttpClient.newHttpClient();

	@org.junit.jupiter.api.RepeatedTest(4)
	void eightCompletionsAtOnceMakeOneAssetAndKeepItsOriginal() throws Exception {
		byte[] photo = uniqueJpeg("photos/ninghong-tea-garden.jpg");
		Ticket ticket = requestUpload("xiushui", "tea.jpg", "image/jpeg", photo.length);
		assertThat(put(ticket, "image/jpeg", photo)).isEqualTo(200);
		int assetsBefore = this.storage.list("assets/").size();

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		Set<String> answers = ConcurrentHashMap.newKeySet();
		try {
			List<Future<String>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(pool.submit((Callable<String>) () -> {
					start.await();
					return complete("xiushui", ticket.uploadId()).path("completeUpload.id").entity(String.class).get();
				}));
			}
			start.countDown();
			for (Future<String> call : calls) {
				answers.add(call.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(answers).containsExactly(ticket.uploadId());
		assertThat(this.storage.exists(AssetService.originalKey(ticket.uploadId()))).isTrue();
		assertThat(this.storage.list("assets/")).hasSize(assetsBefore + 2); // the original and its record
		assertThat(this.storage.exists("incoming/" + ticket.uploadId())).isFalse();
		complete("xiushui", ticket.uploadId()).path("completeUpload.id").entity(String.class).isEqualTo(ticket.uploadId())
			.path("completeUpload.duplicate").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void pdfPutAsHtmlIsStoredAndServedAsPdf() throws Exception {
		byte[] polyglot = ("%PDF-1.4\n<html><body><script>alert(document.domain)</script></body></html>\n"
				+ "1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		Ticket ticket = requestUpload("tongcheng", "page.pdf", "text/html", polyglot.length);
		assertThat(put(ticket, "text/html", polyglot)).isEqualTo(200);

		complete("tongcheng", ticket.uploadId()).path("completeUpload.contentType").entity(String.class)
			.isEqualTo("application/pdf");
		assertThat(this.storage.contentType(AssetService.originalKey(ticket.uploadId()))).contains("application/pdf");

		HttpResponse<Void> media = this.http.send(HttpRequest.newBuilder(URI.create(
				"http://localhost:" + port() + "/media/" + ticket.uploadId() + "/original"))
			.header("Authorization", "Bearer " + this.tokens.issue("tongcheng", Role.UPLOADER))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(media.statusCode()).isEqualTo(302);
		assertThat(media.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		HttpResponse<byte[]> served = this.http.send(HttpRequest.newBuilder(URI.create(
				media.headers().firstValue("Location").orElseThrow())).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(served.headers().firstValue("Content-Disposition")).hasValue("attachment");
		assertThat(served.body()).isEqualTo(polyglot);
	}

	@Test
	void theUrlTakesOnlyTheDeclaredTypeAndLength() throws Exception {
		byte[] photo = uniqueJpeg("photos/pingjiang-jianggan.jpg");
		Ticket ticket = requestUpload("pingjiang", "jianggan.jpg", "image/jpeg", photo.length);

		assertThat(putRefused(ticket, "text/html", photo)).as("another type").isTrue();
		assertThat(putRefused(ticket, "image/jpeg", java.util.Arrays.copyOf(photo, photo.length + 1000)))
			.as("more bytes than declared").isTrue();
		assertThat(this.storage.exists("incoming/" + ticket.uploadId())).isFalse();
		assertThat(put(ticket, "image/jpeg", photo)).isEqualTo(200);
	}

	@Test
	void bytesOfAnotherSizeThanDeclaredNeverBecomeAnAsset() throws Exception {
		byte[] photo = uniqueJpeg("photos/pingjiang-jianggan.jpg");
		Ticket ticket = requestUpload("pingjiang", "jianggan.jpg", null, 10);

		assertThat(putRefused(ticket, "image/jpeg", photo)).isTrue();

		complete("pingjiang", ticket.uploadId()).errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.BAD_REQUEST));
		assertThat(this.storage.exists(AssetService.originalKey(ticket.uploadId()))).isFalse();
	}

	@Test
	void bytesPutAfterCompletionAreSwept() throws Exception {
		byte[] clip = sample("videos/huangpao-trail-rotated.mp4");
		byte[] unique = uniqueClip(clip);
		Ticket ticket = requestUpload("liuyang", "trail.mp4", "video/mp4", unique.length);
		put(ticket, "video/mp4", unique);
		complete("liuyang", ticket.uploadId()).path("completeUpload.kind").entity(String.class).isEqualTo("VIDEO");

		assertThat(put(ticket, "video/mp4", unique)).as("the URL has not expired").isEqualTo(200);
		assertThat(this.storage.exists("incoming/" + ticket.uploadId())).isTrue();
		String withoutUpload = "incoming/" + Ids.next();
		this.storage.putBytes(withoutUpload, new byte[] { 1, 2, 3 }, "application/octet-stream");

		this.expiredUploads.sweep();

		assertThat(this.storage.exists("incoming/" + ticket.uploadId())).isFalse();
		assertThat(this.storage.exists(withoutUpload)).isFalse();
		assertThat(this.storage.exists(AssetService.originalKey(ticket.uploadId()))).isTrue();
	}

	record Ticket(String uploadId, String url) {
	}

	private Ticket requestUpload(String org, String filename, String contentType, long byteSize) {
		Map<String, Object> input = new java.util.HashMap<>(Map.of("filename", filename, "byteSize", byteSize));
		if (contentType != null) {
			input.put("contentType", contentType);
		}
		GraphQlTester.Response response = this.testers.uploader(org).documentName("requestUpload").variable("input", input)
			.execute();
		return new Ticket(response.path("requestUpload.uploadId").entity(String.class).get(),
				response.path("requestUpload.url").entity(String.class).get());
	}

	private int put(Ticket ticket, String contentType, byte[] bytes) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(ticket.url()))
			.header("Content-Type", contentType)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/* Refused with a 4xx, or cut off while the client was still sending (S3Proxy answers early and closes). */
	private boolean putRefused(Ticket ticket, String contentType, byte[] bytes) throws Exception {
		try {
			return put(ticket, contentType, bytes) >= 400;
		}
		catch (java.io.IOException ex) {
			return true;
		}
	}

	private GraphQlTester.Response complete(String org, String uploadId) {
		return this.testers.uploader(org).documentName("completeUpload").variable("uploadId", uploadId).execute();
	}

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	private int port() {
		return this.port;
	}

	/** The clip followed by a free box of random bytes, so it is no duplicate of an earlier upload. */
	private static byte[] uniqueClip(byte[] clip) {
		byte[] free = new byte[40];
		new java.util.Random().nextBytes(free);
		java.nio.ByteBuffer.wrap(free).putInt(0, free.length).put(4, "free".getBytes(StandardCharsets.ISO_8859_1));
		byte[] unique = java.util.Arrays.copyOf(clip, clip.length + free.length);
		System.arraycopy(free, 0, unique, clip.length, free.length);
		return unique;
	}
}
