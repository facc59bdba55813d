package org.mufu.hub.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.PaddedClip;
import org.mufu.hub.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A video of 1 GiB streamed through {@code POST /api/uploads} into a test JVM whose heap is capped well below
 * that (see the failsafe argLine): the hub holds only a bounded buffer of it.
 */
class LargeUploadIT extends IntegrationTest {

	private static final long PADDING = 1L << 30;

	@Autowired
	ObjectMapper json;

	@LocalServerPort
	int port;

	@Test
	void gigabyteVideoStreamsThroughTheHub() throws Exception {
		String boundary = "----mufu-large";
		long started = System.nanoTime();
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
				"http://localhost:" + this.port + "/api/uploads"))
			.header("Authorization", "Bearer " + this.tokens.issue("liuyang", Role.UPLOADER))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(java.util.Collections.enumeration(List.of(
					text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"long-take.mp4\"\r\n"
							+ "Content-Type: video/mp4\r\n\r\n"),
					paddedClip(), text("\r\n--" + boundary + "--\r\n"))))))
			.build(), HttpResponse.BodyHandlers.ofString());
		double seconds = (System.nanoTime() - started) / 1e9;

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		@SuppressWarnings("unchecked")
		Map<String, Object> asset = this.json.readValue(response.body(), Map.class);
		long size = sample("videos/liuyang-river-night.mp4").length + PADDING;
		assertThat(((Number) asset.get("byteSize")).longValue()).isEqualTo(size);
		assertThat(asset).containsEntry("sha256", sha256(paddedClip())).containsEntry("kind", "VIDEO")
			.containsEntry("width", 640);
		System.out.printf("1 GiB through the hub in %.1f s (%.0f MB/s), heap limit %d MB%n", seconds,
				size / 1e6 / seconds, Runtime.getRuntime().maxMemory() >> 20);
	}

	/** The sample clip followed by a 1 GiB free box: a valid MP4 of that size, generated as it is read. */
	private static InputStream paddedClip() {
		return PaddedClip.of(sample("videos/liuyang-river-night.mp4"), PADDING, 0);
	}

	private static InputStream text(String value) {
		return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
	}

	private static String sha256(InputStream in) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
			digesting.transferTo(java.io.OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return HexFormat.of().formatHex(digest.digest());
	}
}
