package org.mufu.hub.metadata;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * A 64-bit difference hash (dHash) of a picture: each bit says whether a cell of a 9x8 grey thumbnail is
 * brighter than its right neighbour. A copy re-saved smaller or at another quality differs in a few bits.
 * The picture is decoded subsampled to about 64 pixels across, never whole.
 */
public final class PerceptualHash {

	private PerceptualHash() {
	}

	/** The hash as 16 hex digits, or null when the picture cannot be decoded. */
	public static String of(byte[] picture) {
		// read from memory: ImageIO's default stream caches to a temporary file, and a damaged JPEG that makes the
		// decoder seek back and forth then cost 160 MB of buffers for an 80 KB file (found by the fuzz run)
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(picture))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input);
				int step = Math.max(1, Math.min(reader.getWidth(0), reader.getHeight(0)) / 64);
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage small = reader.read(0, param);
				BufferedImage grey = new BufferedImage(9, 8, BufferedImage.TYPE_BYTE_GRAY);
				Graphics2D g = grey.createGraphics();
				g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
				g.drawImage(small, 0, 0, 9, 8, null);
				g.dispose();
				long hash = 0;
				for (int y = 0; y < 8; y++) {
					for (int x = 0; x < 8; x++) {
						int left = grey.getRaster().getSample(x, y, 0);
						int right = grey.getRaster().getSample(x + 1, y, 0);
						hash = (hash << 1) | (left > right ? 1 : 0);
					}
				}
				return String.format("%016x", hash);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** How many bits two hashes differ in. */
	public static int distance(String a, String b) {
		return Long.bitCount(Long.parseUnsignedLong(a, 16) ^ Long.parseUnsignedLong(b, 16));
	}

	/** The hash cut into eight bytes, each tagged with its place: a copy within 7 bits shares at least one. */
	public static java.util.List<String> bands(String hash) {
		java.util.List<String> bands = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			bands.add(i + ":" + hash.substring(i * 2, i * 2 + 2));
		}
		return bands;
	}
}
