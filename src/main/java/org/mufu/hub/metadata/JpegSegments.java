package org.mufu.hub.metadata;

/**
 * Counts a JPEG's marker segments before its pixel data: Commons Imaging keeps an object per segment, so a
 * file of millions of four-byte segments costs far more heap than its size. Cameras and editors write a few
 * dozen; the length of each is Commons Imaging's to check.
 */
final class JpegSegments {

	static final int MAX_SEGMENTS = 10_000;

	private static final int START_OF_SCAN = 0xDA;

	private JpegSegments() {
	}

	static boolean isJpeg(byte[] bytes) {
		return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8;
	}

	/** Refuses a JPEG with more segments before its first scan than any writer makes. */
	static void check(byte[] jpeg) {
		int offset = 2;
		int segments = 0;
		while (offset + 4 <= jpeg.length) {
			if ((jpeg[offset] & 0xFF) != 0xFF) {
				return; // not a marker: Commons Imaging says what is wrong
			}
			int marker = jpeg[offset + 1] & 0xFF;
			if (marker == 0xFF) {
				offset++; // fill byte
				continue;
			}
			if (++segments > MAX_SEGMENTS) {
				throw MediaRefusedException.tooComplex("media.picture-too-many-segments", MAX_SEGMENTS);
			}
			if (marker == START_OF_SCAN) {
				return;
			}
			boolean standalone = marker == 0x01 || marker >= 0xD0 && marker <= 0xD8;
			offset += standalone ? 2 : 2 + ((jpeg[offset + 2] & 0xFF) << 8 | (jpeg[offset + 3] & 0xFF));
		}
	}
}
