package org.mufu.hub;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A valid MP4 of any size: a real clip followed by a free box of filler bytes, generated as it is read. */
public final class PaddedClip {

	private PaddedClip() {
	}

	/** The clip and a free box of {@code boxSize} bytes (header included) filled with {@code fill}. */
	public static InputStream of(byte[] clip, long boxSize, int fill) {
		ByteBuffer header = ByteBuffer.allocate(16).putInt(1).put("free".getBytes(StandardCharsets.ISO_8859_1))
			.putLong(boxSize);
		InputStream filler = new InputStream() {
			private long left = boxSize - 16;

			@Override
			public int read() {
				return this.left-- > 0 ? fill : -1;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (this.left <= 0) {
					return -1;
				}
				int n = (int) Math.min(length, this.left);
				Arrays.fill(buffer, offset, offset + n, (byte) fill);
				this.left -= n;
				return n;
			}
		};
		return new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(clip),
				new ByteArrayInputStream(header.array()), filler)));
	}
}
