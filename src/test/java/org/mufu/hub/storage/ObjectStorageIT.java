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
	void copiesAnObjectLargerThanOneCopyRangeInRanges() {
		long size = 300L * 1024 * 1024;
		this.storage.put("it/copy-source.bin", pattern(size), -1, "application/octet-stream");

		this.storage.copy("it/copy-source.bin", "it/copy-target.bin", "video/mp4");

		assertThat(this.storage.size("it/copy-target.bin")).contains(size);
		assertThat(this.storage.contentType("it/copy-target.bin")).contains("video/mp4");
		for (long offset : new long[] { 0, 256L * 1024 * 1024 - 2, size - 4 }) {
			assertThat(this.storage.read("it/copy-target.bin", offset, 4)).as("at %d", offset)
				.isEqualTo(this.storage.read("it/copy-source.bin", offset, 4))
				.containsExactly(at(offset), at(offset + 1), at(offset + 2), at(offset + 3));
		}
	}

	@Test
	void aSmallCopyTakesTheTypeItIsGiven() {
		this.storage.putBytes("it/typed-source.bin", "%PDF-1.4 <html>".getBytes(), "text/html");

		this.storage.copy("it/typed-source.bin", "it/typed-target.bin", "application/pdf");

		assertThat(this.storage.contentType("it/typed-target.bin")).contains("application/pdf");
		assertThat(this.storage.contentType("it/typed-source.bin")).contains("text/html");
	}

	@Test
	void deletedObjectIsGone() {
		this.storage.put("it/deleted.txt", new ByteArrayInputStream(new byte[] { 1 }), 1, "text/plain");

		this.storage.delete("it/deleted.txt");

		assertThat(this.storage.exists("it/deleted.txt")).isFalse();
	}

	/** Bytes whose period (251) is no divisor of any part or range size, so a misplaced range shows. */
	private static InputStream pattern(long size) {
		return new InputStream() {

			private long position;

			@Override
			public int read() {
				return this.position < size ? at(this.position++) & 0xFF : -1;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (this.position >= size) {
					return -1;
				}
				int count = (int) Math.min(length, size - this.position);
				for (int i = 0; i < count; i++) {
					buffer[offset + i] = at(this.position++);
				}
				return count;
			}
		};
	}

	private static byte at(long position) {
		return (byte) (position % 251);
	}
}
