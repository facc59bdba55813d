package org.mufu.hub.metadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mp4parser.IsoFile;
import org.mp4parser.PropertyBoxParserImpl;
import org.mp4parser.boxes.apple.AppleGPSCoordinatesBox;
import org.mp4parser.boxes.iso14496.part12.MediaBox;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.SampleTableBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;
import org.mp4parser.boxes.sampleentry.SampleEntry;
import org.mp4parser.support.Matrix;
import org.mp4parser.tools.Path;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;

/**
 * Reads an MP4 or QuickTime file's duration, size, rotation, frame rate, codec and place. The top-level
 * boxes are walked by their headers alone (which also shows a truncated file); only the {@code moov} box,
 * a few hundred KB, is fetched and handed to isoparser.
 */
final class VideoMetadataReader {

	private static final int MAX_MOOV_BYTES = 64 * 1024 * 1024;

	private static final Pattern ISO6709 = Pattern.compile("([+-]\\d+(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)?");

	/*
	 * isoparser finds its box table through the system class loader, which cannot see inside the hub's
	 * jar; handing it the table loaded from its own jar works from the IDE and from java -jar alike.
	 */
	private static final Properties BOX_TABLE = boxTable();

	private VideoMetadataReader() {
	}

	private static Properties boxTable() {
		Properties table = new Properties();
		try (InputStream in = IsoFile.class.getResourceAsStream("/isoparser2-default.properties")) {
			if (in == null) {
				throw new IllegalStateException("isoparser2-default.properties is missing from isoparser");
			}
			table.load(in);
			return table;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static MediaMetadata read(RandomAccessSource source) {
		byte[] moov = moovBox(source);
		try (IsoFile iso = new IsoFile(Channels.newChannel(new ByteArrayInputStream(moov)),
				new PropertyBoxParserImpl(BOX_TABLE))) {
			MovieBox movie = iso.getMovieBox();
			if (movie == null) {
				throw damaged();
			}
			MovieHeaderBox header = movie.getMovieHeaderBox();
			TrackBox video = videoTrack(movie);
			Double duration = header.getTimescale() > 0 ? (double) header.getDuration() / header.getTimescale() : null;
			Integer width = null;
			Integer height = null;
			int orientation = 1;
			Double frameRate = null;
			String codec = null;
			if (video != null) {
				TrackHeaderBox track = video.getTrackHeaderBox();
				width = (int) Math.round(track.getWidth());
				height = (int) Math.round(track.getHeight());
				orientation = orientation(track.getMatrix());
				frameRate = frameRate(video.getMediaBox());
				codec = codec(video.getMediaBox());
			}
			return new MediaMetadata(width, height, orientation, creationTime(header.getCreationTime()), null,
					location(movie), null, List.of(), null, null, null, null, duration, frameRate, codec);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof HubException hub) {
				throw hub;
			}
			throw new HubException(ErrorKind.UNSUPPORTED_MEDIA,
					"The video's index (moov box) cannot be read; please export the clip again and upload the new file.", ex);
		}
	}

	/** Walks the top-level boxes; they must cover the file exactly and include one moov. */
	private static byte[] moovBox(RandomAccessSource source) {
		long size = source.size();
		long offset = 0;
		byte[] moov = null;
		while (offset < size) {
			byte[] header = source.read(offset, 16);
			if (header.length < 8) {
				throw damaged();
			}
			ByteBuffer buffer = ByteBuffer.wrap(header);
			long boxSize = buffer.getInt() & 0xFFFFFFFFL;
			String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
			if (boxSize == 1) {
				if (header.length < 16) {
					throw damaged();
				}
				boxSize = buffer.getLong(8);
			}
			else if (boxSize == 0) {
				boxSize = size - offset;
			}
			if (boxSize < 8 || offset + boxSize > size) {
				throw damaged();
			}
			if (type.equals("moov")) {
				if (boxSize > MAX_MOOV_BYTES) {
					throw damaged();
				}
				moov = source.read(offset, (int) boxSize);
			}
			offset += boxSize;
		}
		if (moov == null) {
			throw damaged();
		}
		return moov;
	}

	private static HubException damaged() {
		return new HubException(ErrorKind.UNSUPPORTED_MEDIA,
				"The video is incomplete or damaged (its boxes do not add up to the file); please upload the whole file again.");
	}

	private static TrackBox videoTrack(MovieBox movie) {
		return movie.getBoxes(TrackBox.class)
			.stream()
			.filter(track -> track.getMediaBox() != null && track.getMediaBox().getHandlerBox() != null
					&& "vide".equals(track.getMediaBox().getHandlerBox().getHandlerType()))
			.findFirst()
			.orElse(null);
	}

	/** The rotation in the track matrix, as the EXIF orientation that shows the same turn. */
	private static int orientation(Matrix matrix) {
		// the rotation part (a, b, c, d) in 16.16 fixed point; the translation varies between writers
		ByteBuffer content = ByteBuffer.allocate(36);
		matrix.getContent(content);
		long a = Math.round(content.getInt(0) / 65536.0);
		long b = Math.round(content.getInt(4) / 65536.0);
		long c = Math.round(content.getInt(12) / 65536.0);
		long d = Math.round(content.getInt(16) / 65536.0);
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

	private static Double frameRate(MediaBox media) {
		SampleTableBox samples = media.getMediaInformationBox().getSampleTableBox();
		long timescale = media.getMediaHeaderBox().getTimescale();
		long duration = media.getMediaHeaderBox().getDuration();
		if (samples == null || samples.getSampleSizeBox() == null || timescale == 0 || duration == 0) {
			return null;
		}
		double fps = samples.getSampleSizeBox().getSampleCount() / ((double) duration / timescale);
		return Math.round(fps * 1000) / 1000.0;
	}

	private static String codec(MediaBox media) {
		SampleTableBox samples = media.getMediaInformationBox().getSampleTableBox();
		if (samples == null || samples.getSampleDescriptionBox() == null) {
			return null;
		}
		SampleEntry entry = samples.getSampleDescriptionBox().getSampleEntry();
		return entry != null ? entry.getType() : null;
	}

	private static String creationTime(Date created) {
		// QuickTime counts from 1904; a zero time comes out as that epoch and means "not set"
		if (created == null || created.getTime() <= -2_082_844_800_000L + 86_400_000L) {
			return null;
		}
		return created.toInstant().atOffset(ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private static GeoPoint location(MovieBox movie) {
		AppleGPSCoordinatesBox box = Path.getPath(movie, "udta/©xyz");
		if (box == null || box.getValue() == null) {
			return null;
		}
		Matcher matcher = ISO6709.matcher(box.getValue());
		if (!matcher.find()) {
			return null;
		}
		Double altitude = matcher.group(3) != null ? Double.valueOf(matcher.group(3)) : null;
		return new GeoPoint(Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)), altitude);
	}
}
