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
				throw MediaRefusedException.tooComplex("media.video-too-many-boxes", MAX_TOP_LEVEL_BOXES);
			}
			long windowEnd = windowStart + window.length;
			if (offset + 16 > windowEnd && windowEnd < size || offset >= windowEnd) {
				window = source.read(offset, (int) Math.min(WINDOW, size - offset));
				windowStart = offset;
			}
			int at = (int) (offset - windowStart);
			ByteBuffer header = ByteBuffer.wrap(window, at, window.length - at).slice();
			BoxHeader box = BoxHeader.read(header, size - offset);
			if (fourCc(header, 4).equals("moov")) {
				if (moov != null) {
					throw MediaRefusedException.damagedVideo(null);
				}
				moov = moovBody(source, window, at, offset, box, maxMoovBytes);
			}
			offset += box.size();
		}
		if (moov == null) {
			throw MediaRefusedException.videoIncomplete();
		}
		return moov;
	}

	/** A top-level box's whole size and the size of its header (8, or 16 with a 64-bit size). */
	private record BoxHeader(long size, int headerSize) {

		static BoxHeader read(ByteBuffer header, long left) {
			if (header.limit() < 8) {
				throw MediaRefusedException.videoIncomplete();
			}
			long boxSize = header.getInt(0) & 0xFFFFFFFFL;
			int headerSize = 8;
			if (boxSize == 1) {
				if (header.limit() < 16) {
					throw MediaRefusedException.videoIncomplete();
				}
				boxSize = header.getLong(8);
				headerSize = 16;
			}
			else if (boxSize == 0) {
				boxSize = left;
			}
			if (boxSize < headerSize || boxSize > left) {
				throw MediaRefusedException.videoIncomplete();
			}
			return new BoxHeader(boxSize, headerSize);
		}
	}

	/* The moov box's body: from the window when it lies inside it, else in one read of its own. */
	private static ByteBuffer moovBody(RandomAccessSource source, byte[] window, int at, long offset, BoxHeader box,
			int maxMoovBytes) {
		if (box.size() > maxMoovBytes) {
			throw MediaRefusedException.tooComplex("media.video-index-too-large", box.size() / (1024 * 1024));
		}
		byte[] bytes = at + box.size() <= window.length ? null : source.read(offset, (int) box.size());
		if (bytes != null && bytes.length != box.size()) {
			throw MediaRefusedException.videoIncomplete();
		}
		return (bytes != null ? ByteBuffer.wrap(bytes) : ByteBuffer.wrap(window, at, (int) box.size()).slice())
			.position(box.headerSize())
			.slice();
	}

	/** The contents of every child box of this type, in order. */
	static List<ByteBuffer> children(ByteBuffer container, String type) {
		List<ByteBuffer> found = new ArrayList<>();
		int offset = 0;
		int count = 0;
		while (offset + 8 <= container.limit()) {
			if (++count > MAX_CHILDREN) {
				throw MediaRefusedException.tooComplex("media.video-too-many-child-boxes", MAX_CHILDREN);
			}
			long boxSize = container.getInt(offset) & 0xFFFFFFFFL;
			int headerSize = 8;
			if (boxSize == 1) {
				if (offset + 16 > container.limit()) {
					throw MediaRefusedException.damagedVideo(null);
				}
				boxSize = container.getLong(offset + 8);
				headerSize = 16;
			}
			else if (boxSize == 0) {
				boxSize = container.limit() - offset;
			}
			if (boxSize < headerSize || boxSize > container.limit() - offset) {
				throw MediaRefusedException.damagedVideo(null);
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
