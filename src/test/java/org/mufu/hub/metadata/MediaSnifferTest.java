package org.mufu.hub.metadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaSnifferTest {

	@Test
	void typesComeFromTheBytes() throws IOException {
		assertThat(sniff("photos/huangpao-azaleas.jpg")).isEqualTo("image/jpeg");
		assertThat(sniff("posters/alliance-logo.png")).isEqualTo("image/png");
		assertThat(sniff("posters/liuyang-fireworks-festival.pdf")).isEqualTo("application/pdf");
		assertThat(sniff("videos/liuyang-river-night.mp4")).isEqualTo("video/mp4");
	}

	@Test
	void textAndMarkupAreNotAccepted() {
		assertThat(MediaSniffer.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
			.isEmpty();
		assertThat(MediaSniffer.sniff("plain words".getBytes(StandardCharsets.UTF_8))).isEmpty();
	}

	@Test
	void cutJpegAndPdfDoNotLookComplete() throws IOException {
		byte[] jpeg = bytes("photos/huangpao-azaleas.jpg");
		byte[] pdf = bytes("posters/liuyang-fireworks-festival.pdf");
		SniffedType jpegType = MediaSniffer.sniff(jpeg).orElseThrow();
		SniffedType pdfType = MediaSniffer.sniff(pdf).orElseThrow();

		assertThat(MediaSniffer.looksComplete(jpegType, jpeg.length, tail(jpeg))).isTrue();
		assertThat(MediaSniffer.looksComplete(jpegType, jpeg.length / 2, tail(Arrays.copyOf(jpeg, jpeg.length / 2))))
			.isFalse();
		assertThat(MediaSniffer.looksComplete(pdfType, pdf.length, tail(pdf))).isTrue();
		assertThat(MediaSniffer.looksComplete(pdfType, pdf.length - 50, tail(Arrays.copyOf(pdf, pdf.length - 50))))
			.isFalse();
	}

	private static byte[] tail(byte[] bytes) {
		return Arrays.copyOfRange(bytes, Math.max(0, bytes.length - MediaSniffer.TAIL_BYTES), bytes.length);
	}

	private static String sniff(String sample) throws IOException {
		return MediaSniffer.sniff(bytes(sample)).map(SniffedType::contentType).orElse("refused");
	}

	private static byte[] bytes(String sample) throws IOException {
		return Files.readAllBytes(Path.of("media-samples", sample));
	}
}
