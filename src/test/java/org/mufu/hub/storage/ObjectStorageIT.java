package org.mufu.hub.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mufu.hub.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectStorageIT extends IntegrationTest {

	@Autowired
	ObjectStorage storage;

	@Test
	void writesAnObjectAndReadsItBack() throws IOException {
		byte[] text = "幕阜山云海 — Mufu summit, sea of clouds".getBytes(StandardCharsets.UTF_8);
		this.storage.put("it/known-length.txt", new ByteArrayInputStream(text), text.length, "text/plain");

		try (InputStream in = this.storage.get("it/known-length.txt")) {
			assertThat(in.readAllBytes()).isEqualTo(text);
		}
		assertThat(this.storage.exists("it/known-length.txt")).isTrue();
	}

	@Test
	void streamsAnObjectOfUnknownLengthInParts() throws IOException {
		byte[] bytes = new byte[20 * 1024 * 1024];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (i * 31);
		}
		this.storage.put("it/unknown-length.bin", new ByteArrayInputStream(bytes), -1, "application/octet-stream");

		try (InputStream in = this.storage.get("it/unknown-length.bin")) {
			assertThat(in.readAllBytes()).isEqualTo(bytes);
		}
	}

	@Test
	void deletedObjectIsGone() {
		this.storage.put("it/deleted.txt", new ByteArrayInputStream(new byte[] { 1 }), 1, "text/plain");

		this.storage.delete("it/deleted.txt");

		assertThat(this.storage.exists("it/deleted.txt")).isFalse();
	}
}
