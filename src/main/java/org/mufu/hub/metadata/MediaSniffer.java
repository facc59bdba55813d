package org.mufu.hub.metadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * Tells a file's type from its first bytes (Tika's magic database) and whether it ends as its format
 * requires. Names and declared types are never trusted.
 */
public final class MediaSniffer {

	/** How many leading bytes the sniffer needs. */
	public static final int HEAD_BYTES = 64 * 1024;

	/** How many trailing bytes {@link #looksComplete} reads. */
	public static final int TAIL_BYTES = 1024;

	private static final Map<String, SniffedType> ACCEPTED = Map.of(
			"image/jpeg", new SniffedType("image/jpeg", MediaKind.IMAGE, "jpg"),
			"image/png", new SniffedType("image/png", MediaKind.IMAGE, "png"),
			"image/gif", new SniffedType("image/gif", MediaKind.IMAGE, "gif"),
			"image/webp", new SniffedType("image/webp", MediaKind.IMAGE, "webp"),
			"image/tiff", new SniffedType("image/tiff", MediaKind.IMAGE, "tif"),
			"video/mp4", new SniffedType("video/mp4", MediaKind.VIDEO, "mp4"),
			"video/x-m4v", new SniffedType("video/mp4", MediaKind.VIDEO, "mp4"),
			"video/quicktime", new SniffedType("video/quicktime", MediaKind.VIDEO, "mov"),
			"application/pdf", new SniffedType("application/pdf", MediaKind.DOCUMENT, "pdf"));

	private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

	private MediaSniffer() {
	}

	/** The accepted type the bytes show, or empty when they are of a type the hub does not take. */
	public static Optional<SniffedType> sniff(byte[] head) {
		try (TikaInputStream in = TikaInputStream.get(head)) {
			String detected = TYPES.detect(in, new Metadata()).getBaseType().toString();
			SniffedType type = ACCEPTED.get(detected);
			return Optional.ofNullable(type != null && type.kind() == MediaKind.VIDEO ? isoFamily(head) : type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/*
	 * MP4 and QuickTime share one box structure; the major brand of the ftyp box tells them apart more
	 * reliably than the magic database does ("qt  " is QuickTime, every ISO brand is MP4).
	 */
	private static SniffedType isoFamily(byte[] head) {
		boolean ftyp = head.length >= 12 && new String(head, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp");
		boolean quicktime = !ftyp || new String(head, 8, 4, StandardCharsets.ISO_8859_1).equals("qt  ");
		return ACCEPTED.get(quicktime ? "video/quicktime" : "video/mp4");
	}

	/** What the bytes look like, for telling a person why a file was refused. */
	public static String describe(byte[] head) {
		try (TikaInputStream in = TikaInputStream.get(head)) {
			return TYPES.forName(TYPES.detect(in, new Metadata()).toString()).getDescription();
		}
		catch (Exception ex) {
			return "unknown";
		}
	}

	/**
	 * Whether a file ends the way its format ends, given its last bytes. Video is checked box by box when
	 * its metadata is read; TIFF's structure is checked by its reader.
	 */
	public static boolean looksComplete(SniffedType type, long size, byte[] tail) {
		return switch (type.contentType()) {
			case "image/jpeg" -> contains(tail, new byte[] { (byte) 0xFF, (byte) 0xD9 });
			case "image/png" -> endsWith(tail, new byte[] { 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82 });
			case "image/gif" -> tail.length > 0 && tail[tail.length - 1] == 0x3B;
			case "application/pdf" -> new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF");
			default -> true;
		};
	}

	/** Whether a RIFF (WebP) file is as long as its header says. */
	public static boolean riffComplete(byte[] head, long size) {
		if (head.length < 8) {
			return false;
		}
		long declared = (head[4] & 0xFFL) | (head[5] & 0xFFL) << 8 | (head[6] & 0xFFL) << 16 | (head[7] & 0xFFL) << 24;
		return declared + 8 <= size;
	}

	private static boolean endsWith(byte[] data, byte[] suffix) {
		if (data.length < suffix.length) {
			return false;
		}
		for (int i = 0; i < suffix.length; i++) {
			if (data[data.length - suffix.length + i] != suffix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean contains(byte[] data, byte[] part) {
		outer: for (int i = 0; i + part.length <= data.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (data[i + j] != part[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}
}
