package org.mufu.hub.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Small files whose headers claim far more than they hold, built byte by byte as an attacker would. */
public final class HostileFiles {

	private HostileFiles() {
	}

	/**
	 * A few hundred bytes of MP4 whose sample tables claim this many samples, each table empty; above 1,000
	 * samples the sizes are claimed to be listed one by one, below every sample has the same size.
	 */
	public static byte[] mp4ClaimingSamples(long samples) {
		int count = (int) samples;
		byte[] sampleEntry = box("avc1", new byte[78]);
		byte[] stbl = box("stbl", box("stsd", fullBox(ByteBuffer.allocate(4).putInt(1).array(), sampleEntry)),
				box("stts", fullBox(ints(1, count, 1))), box("stsc", fullBox(ints(count, 1, 1, 1))),
				box("stsz", fullBox(ints(samples > 1000 ? 0 : 1000, count))), box("stco", fullBox(ints(count, 0))),
				box("ctts", fullBox(ints(count, 1, 1))), box("stss", fullBox(ints(count, 1))));
		byte[] mdia = box("mdia", box("mdhd", fullBox(ints(0, 0, 25, 100), new byte[4])),
				box("hdlr", fullBox(ints(0), "vide".getBytes(StandardCharsets.ISO_8859_1), new byte[13])),
				box("minf", stbl));
		byte[] trak = box("trak", box("tkhd", fullBox(new byte[20], new byte[16], identity(), ints(640 << 16, 360 << 16))),
				mdia);
		byte[] moov = box("moov", box("mvhd", fullBox(ints(0, 0, 1000, 4000), new byte[80])), trak);
		return concat(ftyp(), moov, box("mdat", new byte[16]));
	}

	/** An MP4 whose moov follows this many empty top-level boxes. */
	public static byte[] mp4WithEmptyBoxes(int boxes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(ftyp());
		byte[] free = box("free");
		for (int i = 0; i < boxes; i++) {
			out.writeBytes(free);
		}
		byte[] clip = mp4ClaimingSamples(100);
		out.write(clip, ftyp().length, clip.length - ftyp().length);
		return out.toByteArray();
	}

	/** An MP4 with a box inside moov claiming to be larger than moov itself. */
	public static byte[] mp4WithOversizedInnerBox() {
		byte[] clip = mp4ClaimingSamples(100);
		int stsz = indexOf(clip, "stsz") - 4;
		ByteBuffer.wrap(clip).putInt(stsz, 0x7FFFFFF0);
		return clip;
	}

	/** A PNG with one compressed text chunk (zTXt or iTXt) that inflates to this many bytes of zeros. */
	public static byte[] pngWithCompressedText(String chunk, String keyword, int inflatedBytes) {
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		text.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
		text.write(0);
		if (chunk.equals("iTXt")) {
			text.write(1); // compressed
			text.write(0); // deflate
			text.write(0); // no language
			text.write(0); // no translated keyword
		}
		else {
			text.write(0); // deflate
		}
		text.writeBytes(deflateZeros(inflatedBytes));
		return png(chunk, text.toByteArray());
	}

	/** A 1x1 PNG with one extra chunk before its pixels. */
	public static byte[] png(String extraChunk, byte[] extraData) {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(1).putInt(1).put((byte) 8).put((byte) 2).array());
		if (extraChunk != null) {
			chunk(png, extraChunk, extraData);
		}
		Deflater deflater = new Deflater();
		deflater.setInput(new byte[4]);
		deflater.finish();
		byte[] idat = new byte[64];
		int length = deflater.deflate(idat);
		chunk(png, "IDAT", java.util.Arrays.copyOf(idat, length));
		chunk(png, "IEND", new byte[0]);
		return png.toByteArray();
	}

	private static byte[] deflateZeros(int bytes) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] zeros = new byte[64 * 1024];
		byte[] buffer = new byte[64 * 1024];
		int left = bytes;
		while (left > 0) {
			int n = Math.min(left, zeros.length);
			deflater.setInput(zeros, 0, n);
			left -= n;
			while (!deflater.needsInput()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
		}
		deflater.finish();
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		return out.toByteArray();
	}

	/** Appends a PNG chunk: length, type, data and its CRC. */
	public static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
		png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		png.writeBytes(typeBytes);
		png.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static byte[] ftyp() {
		return box("ftyp", "isom".getBytes(StandardCharsets.ISO_8859_1), ints(512),
				"isomiso2avc1mp41".getBytes(StandardCharsets.ISO_8859_1));
	}

	private static byte[] identity() {
		return ints(0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000);
	}

	static byte[] box(String type, byte[]... parts) {
		byte[] content = concat(parts);
		return concat(ByteBuffer.allocate(8).putInt(content.length + 8)
			.put(type.getBytes(StandardCharsets.ISO_8859_1)).array(), content);
	}

	private static byte[] fullBox(byte[]... parts) {
		return concat(new byte[4], concat(parts));
	}

	private static byte[] ints(int... values) {
		ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
		for (int value : values) {
			buffer.putInt(value);
		}
		return buffer.array();
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] bytes, String type) {
		byte[] wanted = type.getBytes(StandardCharsets.ISO_8859_1);
		outer: for (int i = 0; i + 4 <= bytes.length; i++) {
			for (int j = 0; j < 4; j++) {
				if (bytes[i + j] != wanted[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalArgumentException(type);
	}
}
