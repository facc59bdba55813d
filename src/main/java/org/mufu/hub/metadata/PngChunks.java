package org.mufu.hub.metadata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Checks a PNG's chunks before Commons Imaging reads them: every chunk must fit in the file, and the text
 * and colour-profile chunks together may hold at most {@link #MAX_TEXT_BYTES} once inflated. Commons
 * Imaging inflates zTXt and iTXt whole, and makes an array of a chunk's claimed length before reading it;
 * a 306 KB zTXt inflating to hundreds of MB took 2.4 GB of heap. Here compressed chunks are inflated into
 * one small buffer and only counted.
 */
final class PngChunks {

	/** Text (tEXt, zTXt, iTXt, XMP among them) and ICC profile bytes a picture may carry, inflated. */
	static final int MAX_TEXT_BYTES = 4 * 1024 * 1024;

	/**
	 * Chunks a PNG may have: Commons Imaging keeps an object per chunk, so a file of millions of empty chunks costs
	 * far more heap than its size; real files have a few dozen, or some thousands of IDAT chunks when very large.
	 */
	static final int MAX_CHUNKS = 100_000;

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private PngChunks() {
	}

	static boolean isPng(byte[] bytes) {
		return bytes.length >= SIGNATURE.length && java.util.Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0,
				SIGNATURE.length);
	}

	/** Refuses a PNG whose chunks overrun the file or whose text inflates past the budget. */
	static void check(byte[] png) {
		ByteBuffer buffer = ByteBuffer.wrap(png);
		long text = 0;
		int offset = SIGNATURE.length;
		int chunks = 0;
		while (offset + 12 <= png.length) {
			if (++chunks > MAX_CHUNKS) {
				throw MediaRefusedException.tooComplex("media.picture-too-many-chunks", MAX_CHUNKS);
			}
			long length = buffer.getInt(offset) & 0xFFFFFFFFL;
			if (length > png.length - offset - 12) {
				throw MediaRefusedException.damagedPicture(null);
			}
			String type = new String(png, offset + 4, 4, StandardCharsets.ISO_8859_1);
			int data = offset + 8;
			text += switch (type) {
				case "tEXt" -> length;
				case "zTXt", "iCCP" -> compressedAfterKeyword(png, data, (int) length, 1, MAX_TEXT_BYTES - text);
				case "iTXt" -> internationalText(png, data, (int) length, MAX_TEXT_BYTES - text);
				default -> 0;
			};
			if (text > MAX_TEXT_BYTES) {
				throw tooMuchText();
			}
			if (type.equals("IEND")) {
				return;
			}
			offset = data + (int) length + 4;
		}
	}

	/* keyword, NUL, compression method (skip bytes), compressed data */
	private static long compressedAfterKeyword(byte[] png, int data, int length, int skip, long budget) {
		int start = afterNul(png, data, data + length) + skip;
		if (start > data + length) {
			throw MediaRefusedException.damagedPicture(null);
		}
		return inflatedSize(png, start, data + length - start, budget);
	}

	/* keyword, NUL, compressed flag, method, language, NUL, translated keyword, NUL, text */
	private static long internationalText(byte[] png, int data, int length, long budget) {
		int end = data + length;
		int flag = afterNul(png, data, end);
		if (flag + 2 > end) {
			throw MediaRefusedException.damagedPicture(null);
		}
		boolean compressed = png[flag] == 1;
		int text = afterNul(png, afterNul(png, flag + 2, end), end);
		if (text > end) {
			throw MediaRefusedException.damagedPicture(null);
		}
		return compressed ? inflatedSize(png, text, end - text, budget) : end - text;
	}

	private static int afterNul(byte[] png, int from, int end) {
		for (int i = from; i < end; i++) {
			if (png[i] == 0) {
				return i + 1;
			}
		}
		return end + 1;
	}

	/* How many bytes the data inflates to, counted in one 8 KB buffer and given up once past the budget. */
	private static long inflatedSize(byte[] png, int offset, int length, long budget) {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(png, offset, length);
			byte[] scratch = new byte[8192];
			long total = 0;
			while (!inflater.finished()) {
				int n = inflater.inflate(scratch);
				total += n;
				if (total > budget) {
					throw tooMuchText();
				}
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					break; // cut short: Commons Imaging refuses it when it reads the chunk
				}
			}
			return total;
		}
		catch (DataFormatException ex) {
			throw MediaRefusedException.damagedPicture(ex);
		}
		finally {
			inflater.end();
		}
	}

	private static RuntimeException tooMuchText() {
		return MediaRefusedException.tooComplex("media.picture-text-too-large", MAX_TEXT_BYTES / (1024 * 1024));
	}
}
