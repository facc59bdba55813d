package org.mufu.hub.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.mufu.hub.ErrorKind;
import org.mufu.hub.metadata.HostileFiles;

/** Malformed and hostile files, each with the kind of error the hub must answer it with. */
final class Hostile {

	private Hostile() {
	}

	record Case(String filename, byte[] bytes, ErrorKind expected) {
	}

	static Map<String, Case> cases(byte[] photo, byte[] clip, byte[] pdf) {
		Map<String, Case> cases = new LinkedHashMap<>();
		add(cases, "empty.jpg", new byte[0], ErrorKind.BAD_REQUEST);
		add(cases, "notes.jpg", "这不是图片，只是一段文字。".getBytes(StandardCharsets.UTF_8), ErrorKind.UNSUPPORTED_MEDIA);
		add(cases, "page.png", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8), ErrorKind.UNSUPPORTED_MEDIA);
		add(cases, "tool.jpg", elf(), ErrorKind.UNSUPPORTED_MEDIA);
		add(cases, "setup.gif", pe(), ErrorKind.UNSUPPORTED_MEDIA);
		add(cases, "cut.jpg", Arrays.copyOf(photo, photo.length / 2), ErrorKind.UNSUPPORTED_MEDIA);
		add(cases, "garbled.jpg", garbledJpeg(), ErrorKind.UNSUPPORTED_MEDIA);
		add(cases, "flood.png", pixelFlood(), ErrorKind.TOO_LARGE);
		add(cases, "archive.mp4", zip(), ErrorKind.UNSUPPORTED_MEDIA);
		add(cases, "logo.svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"
				+ "<script>alert(2)</script></svg>").getBytes(StandardCharsets.UTF_8), ErrorKind.UNSUPPORTED_MEDIA);
		add(cases, "cut.mp4", Arrays.copyOf(clip, clip.length - 5000), ErrorKind.UNSUPPORTED_MEDIA);
		add(cases, "cut.pdf", Arrays.copyOf(pdf, pdf.length - 100), ErrorKind.UNSUPPORTED_MEDIA);
		add(cases, "samples.mp4", HostileFiles.mp4ClaimingSamples(300_000_000), ErrorKind.UNSUPPORTED_MEDIA);
		add(cases, "overrun.mp4", HostileFiles.mp4WithOversizedInnerBox(), ErrorKind.UNSUPPORTED_MEDIA);
		add(cases, "ztxt.png", HostileFiles.pngWithCompressedText("zTXt", "Comment", 300 * 1024 * 1024),
				ErrorKind.UNSUPPORTED_MEDIA);
		add(cases, "xmp.png", HostileFiles.pngWithCompressedText("iTXt", "XML:com.adobe.xmp", 100 * 1024 * 1024),
				ErrorKind.UNSUPPORTED_MEDIA);
		return cases;
	}

	private static void add(Map<String, Case> cases, String name, byte[] bytes, ErrorKind expected) {
		cases.put(name, new Case(name, bytes, expected));
	}

	private static byte[] elf() {
		byte[] bytes = new byte[4096];
		System.arraycopy(new byte[] { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0 }, 0, bytes, 0, 8);
		return bytes;
	}

	private static byte[] pe() {
		byte[] bytes = new byte[4096];
		bytes[0] = 'M';
		bytes[1] = 'Z';
		bytes[0x3C] = (byte) 0x80;
		System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, bytes, 0x80, 4);
		return bytes;
	}

	/** A JPEG start-of-image marker followed by noise and an end marker: right start and end, no picture. */
	private static byte[] garbledJpeg() {
		byte[] bytes = new byte[8192];
		new java.util.Random(7).nextBytes(bytes);
		bytes[0] = (byte) 0xFF;
		bytes[1] = (byte) 0xD8;
		bytes[2] = (byte) 0xFF;
		bytes[3] = (byte) 0x01;
		bytes[bytes.length - 2] = (byte) 0xFF;
		bytes[bytes.length - 1] = (byte) 0xD9;
		return bytes;
	}

	/** A small PNG whose header claims 50,000 × 50,000 pixels. */
	static byte[] pixelFlood() {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		ByteBuffer header = ByteBuffer.allocate(13).putInt(50_000).putInt(50_000).put((byte) 8).put((byte) 2)
			.put((byte) 0).put((byte) 0).put((byte) 0);
		HostileFiles.chunk(png, "IHDR", header.array());
		Deflater deflater = new Deflater();
		deflater.setInput(new byte[2048]);
		deflater.finish();
		byte[] compressed = new byte[4096];
		int length = deflater.deflate(compressed);
		HostileFiles.chunk(png, "IDAT", Arrays.copyOf(compressed, length));
		HostileFiles.chunk(png, "IEND", new byte[0]);
		return png.toByteArray();
	}

	private static byte[] zip() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("video.mp4"));
			zip.write(new byte[1000]);
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}
}
