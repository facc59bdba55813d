package org.mufu.hub.metadata;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an MP4 or QuickTime file's duration, size, rotation, frame rate, codec and place. The top-level
 * boxes are walked by their headers alone (which also shows a truncated file), read in windows of
 * {@link Mp4Boxes#WINDOW} bytes rather than one request per box; only the {@code moov} box is held, and
 * inside it only the few fields the hub shows are read.
 * <p>
 * Written by hand rather than with isoparser: isoparser parses a sample table into an array as long as the
 * count the file claims (a 466-byte file claiming 300 million samples took 3 GB of heap), while the hub
 * needs the count alone. Nothing here allocates from a count or length the file states: every read is a
 * view of the {@code moov} bytes, checked against their bounds.
 */
final class VideoMetadataReader {

	/** The largest index the hub reads: a two-hour clip at 60 frames per second has one of about 10 MB. */
	static final int MAX_MOOV_BYTES = 32 * 1024 * 1024;

	private static final Pattern ISO6709 = Pattern.compile("([+-]\\d+(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)?");

	/** Seconds from 1904, where QuickTime counts from, to 1970. */
	private static final long EPOCH_1904 = 2_082_844_800L;

	private VideoMetadataReader() {
	}

	static MediaMetadata read(RandomAccessSource source) {
		ByteBuffer moov = Mp4Boxes.moov(source, MAX_MOOV_BYTES);
		try {
			return parse(moov);
		}
		catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException ex) {
			throw MediaRefusedException.damagedVideo(ex);
		}
	}

	private static MediaMetadata parse(ByteBuffer moov) {
		ByteBuffer header = Mp4Boxes.child(moov, "mvhd");
		if (header == null) {
			throw MediaRefusedException.damagedVideo(null);
		}
		TimeAndLength movie = TimeAndLength.of(header);
		Double duration = movie.timescale() > 0 ? (double) movie.duration() / movie.timescale() : null;
		Integer width = null;
		Integer height = null;
		int orientation = 1;
		Double frameRate = null;
		String codec = null;
		ByteBuffer video = videoTrack(moov);
		if (video != null) {
			ByteBuffer track = Mp4Boxes.child(video, "tkhd");
			if (track != null) {
				int version = track.get(0);
				int matrix = 4 + (version == 1 ? 32 : 20) + 16;
				width = (int) Math.round(track.getInt(matrix + 36) / 65536.0);
				height = (int) Math.round(track.getInt(matrix + 40) / 65536.0);
				orientation = orientation(track, matrix);
			}
			ByteBuffer media = Mp4Boxes.child(video, "mdia");
			ByteBuffer samples = Mp4Boxes.path(media, "minf", "stbl");
			frameRate = frameRate(Mp4Boxes.child(media, "mdhd"), samples);
			codec = codec(samples);
		}
		return new MediaMetadata(width, height, orientation, creationTime(movie.created()), null, location(moov), null,
				List.of(), null, null, null, null, duration, frameRate, codec);
	}

	/** Creation time, time scale and duration: mvhd and mdhd begin alike. */
	private record TimeAndLength(long created, long timescale, long duration) {

		static TimeAndLength of(ByteBuffer box) {
			if (box.get(0) == 1) {
				return new TimeAndLength(box.getLong(4), box.getInt(20) & 0xFFFFFFFFL, box.getLong(24));
			}
			return new TimeAndLength(box.getInt(4) & 0xFFFFFFFFL, box.getInt(12) & 0xFFFFFFFFL,
					box.getInt(16) & 0xFFFFFFFFL);
		}
	}

	private static ByteBuffer videoTrack(ByteBuffer moov) {
		for (ByteBuffer track : Mp4Boxes.children(moov, "trak")) {
			ByteBuffer handler = Mp4Boxes.path(track, "mdia", "hdlr");
			if (handler != null && "vide".equals(Mp4Boxes.fourCc(handler, 8))) {
				return track;
			}
		}
		return null;
	}

	/** The rotation in the track matrix, as the EXIF orientation that shows the same turn. */
	private static int orientation(ByteBuffer track, int matrix) {
		// the rotation part (a, b, c, d) in 16.16 fixed point; the translation varies between writers
		long a = Math.round(track.getInt(matrix) / 65536.0);
		long b = Math.round(track.getInt(matrix + 4) / 65536.0);
		long c = Math.round(track.getInt(matrix + 12) / 65536.0);
		long d = Math.round(track.getInt(matrix + 16) / 65536.0);
		if (a == 0 && b == 1 && c == -1 && d == 0) {
			return 6;
		}
		if (a == -1 && b == 0 && c == 0 && d == -1) {
			return 3;
		}
		if (a == 0 && b == -1 && c == 1 && d == 0) {
			return 8;
		}
		return 1;
	}

	/* Samples per second of the track: the sample count is read as a number, never as a table. */
	private static Double frameRate(ByteBuffer mediaHeader, ByteBuffer samples) {
		if (mediaHeader == null || samples == null) {
			return null;
		}
		TimeAndLength media = TimeAndLength.of(mediaHeader);
		ByteBuffer sizes = Mp4Boxes.child(samples, "stsz");
		boolean compact = sizes == null;
		if (compact) {
			sizes = Mp4Boxes.child(samples, "stz2");
		}
		if (sizes == null || media.timescale() == 0 || media.duration() <= 0) {
			return null;
		}
		long count = sizes.getInt(8) & 0xFFFFFFFFL;
		// without one size for all, the box lists a size per sample: a count it has no room for is a false one
		long bitsEach = compact ? sizes.get(7) & 0xFF : sizes.getInt(4) == 0 ? 32 : 0;
		if (count * bitsEach > (sizes.limit() - 12) * 8L) {
			throw MediaRefusedException.damagedVideo(null);
		}
		double fps = count / ((double) media.duration() / media.timescale());
		return Math.round(fps * 1000) / 1000.0;
	}

	private static String codec(ByteBuffer samples) {
		ByteBuffer descriptions = samples != null ? Mp4Boxes.child(samples, "stsd") : null;
		if (descriptions == null || descriptions.getInt(4) == 0 || descriptions.limit() < 16) {
			return null;
		}
		return Mp4Boxes.fourCc(descriptions, 12);
	}

	private static String creationTime(long secondsSince1904) {
		// a zero time means "not set"
		if (secondsSince1904 <= 86_400L || secondsSince1904 - EPOCH_1904 > 253_402_300_799L) {
			return null;
		}
		return Instant.ofEpochSecond(secondsSince1904 - EPOCH_1904).atOffset(ZoneOffset.UTC)
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	/* QuickTime's ©xyz: a 16-bit length, a 16-bit language, then an ISO 6709 string such as +28.158+113.642+62.000/. */
	private static GeoPoint location(ByteBuffer moov) {
		ByteBuffer box = Mp4Boxes.path(moov, "udta", Mp4Boxes.XYZ);
		if (box == null || box.limit() < 4) {
			return null;
		}
		int length = Math.min(box.getShort(0) & 0xFFFF, box.limit() - 4);
		byte[] text = new byte[Math.min(length, 64)];
		box.get(4, text);
		Matcher matcher = ISO6709.matcher(new String(text, java.nio.charset.StandardCharsets.UTF_8));
		if (!matcher.find()) {
			return null;
		}
		Double altitude = matcher.group(3) != null ? Double.valueOf(matcher.group(3)) : null;
		return new GeoPoint(Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)), altitude);
	}
}
