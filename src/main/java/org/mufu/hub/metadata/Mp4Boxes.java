package org.mufu.hub.metadata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The box structure of MP4 and QuickTime files, read within bounds: a box must fit inside its parent, and a
 * file or container with more boxes than any camera or editor writes is refused rather than walked.
 */
final class Mp4Boxes {

	/**
	 * How much of the file one storage read brings when walking the top-level boxes: the boxes before the
	 * media data (and any number of small ones) come in one request, and each box after it costs one more.
	 */
	static final int WINDOW = 256 * 1024;

	static final int MAX_TOP_LEVEL_BOXES = 100_000;

	static final int MAX_CHILDREN = 10_000;

	/** QuickTime's user-data box of the place, ©xyz. */
	static final String XYZ = "\u00A9xyz";

	private Mp4Boxes() {
	}

	/** The contents of the file's one moov box; the top-level boxes must cover the file exactly. */
	static ByteBuffer moov(RandomAccessSource source, int maxMoovBytes) {
		long size = source.size();
		long offset = 0;
		long windowStart = 0;
		byte[] window = new byte[0];
		ByteBuffer moov = null;
		int boxes = 0;
		while (offset < size) {
			if (++boxes > MAX_TOP_LEVEL_BOXES) {
				throw Refusal.tooComplex("media.video-too-many-boxes", MAX_TOP_LEVEL_BOXES);
			}
			long windowEnd = windowStart + window.length;
			if (offset + 16 > windowEnd && windowEnd < size || offset >= windowEnd) {
				window = source.read(offset, (int) Math.min(WINDOW, size - offset));
				windowStart = offset;
			}
			int at = (int) (offset - windowStart);
			ByteBuffer header = ByteBuffer.wrap(window, at, window.length - at).slice();
			if (header.limit() < 8) {
				throw Refusal.videoIncomplete();
			}
			long boxSize = header.getInt(0) & 0xFFFFFFFFL;
			int headerSize = 8;
			if (boxSize == 1) {
				if (header.limit() < 16) {
					throw Refusal.videoIncomplete();
				}
				boxSize = header.getLong(8);
				headerSize = 16;
			}
			else if (boxSize == 0) {
				boxSize = size - offset;
			}
			if (boxSize < headerSize || boxSize > size - offset) {
				throw Refusal.videoIncomplete();
			}
			if (fourCc(header, 4).equals("moov")) {
				if (moov != null) {
					throw Refusal.damagedVideo(null);
				}
				if (boxSize > maxMoovBytes) {
					throw Refusal.tooComplex("media.video-index-too-large", boxSize / (1024 * 1024));
				}
				byte[] box = at + boxSize <= window.length ? null : source.read(offset, (int) boxSize);
				if (box != null && box.length != boxSize) {
					throw Refusal.videoIncomplete();
				}
				moov = (box != null ? ByteBuffer.wrap(box) : ByteBuffer.wrap(window, at, (int) boxSize).slice())
					.position(headerSize)
					.slice();
			}
			offset += boxSize;
		}
		if (moov == null) {
			throw Refusal.videoIncomplete();
		}
		return moov;
	}

	/** The contents of every child box of this type, in order. */
	static List<ByteBuffer> children(ByteBuffer container, String type) {
		List<ByteBuffer> found = new ArrayList<>();
		int offset = 0;
		int count = 0;
		while (offset + 8 <= container.limit()) {
			if (++count > MAX_CHILDREN) {
				throw Refusal.tooComplex("media.video-too-many-child-boxes", MAX_CHILDREN);
			}
			long boxSize = container.getInt(offset) & 0xFFFFFFFFL;
			int headerSize = 8;
			if (boxSize == 1) {
				if (offset + 16 > container.limit()) {
					throw Refusal.damagedVideo(null);
				}
				boxSize = container.getLong(offset + 8);
				headerSize = 16;
			}
			else if (boxSize == 0) {
				boxSize = container.limit() - offset;
			}
			if (boxSize < headerSize || boxSize > container.limit() - offset) {
				throw Refusal.damagedVideo(null);
			}
			if (fourCc(container, offset + 4).equals(type)) {
				found.add(container.slice(offset + headerSize, (int) boxSize - headerSize));
			}
			offset += (int) boxSize;
		}
		return found;
	}

	/** The contents of the first child box of this type, or null. */
	static ByteBuffer child(ByteBuffer container, String type) {
		if (container == null) {
			return null;
		}
		List<ByteBuffer> found = children(container, type);
		return found.isEmpty() ? null : found.get(0);
	}

	/** The contents of the box at this path of first children, or null where one is missing. */
	static ByteBuffer path(ByteBuffer container, String... types) {
		ByteBuffer box = container;
		for (String type : types) {
			box = child(box, type);
		}
		return box;
	}

	static String fourCc(ByteBuffer buffer, int offset) {
		byte[] bytes = new byte[4];
		buffer.get(offset, bytes);
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}
}
