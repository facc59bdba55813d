package org.mufu.hub.metadata;

import java.awt.Dimension;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.imaging.ImageInfo;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.common.RationalNumber;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.apache.commons.imaging.formats.png.PngImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryConstants;
import org.apache.commons.imaging.formats.webp.WebPImageMetadata;

/** Reads a picture's size, EXIF, IPTC and XMP with Commons Imaging, without decoding its pixels. */
final class ImageMetadataReader {

	private static final int TAG_ORIENTATION = 0x0112;

	private static final int TAG_MAKE = 0x010F;

	private static final int TAG_MODEL = 0x0110;

	private static final int TAG_DATE_TIME = 0x0132;

	private static final int TAG_DATE_TIME_ORIGINAL = 0x9003;

	private static final int TAG_OFFSET_TIME_ORIGINAL = 0x9011;

	private static final int TAG_COLOR_SPACE = 0xA001;

	private static final int TAG_IMAGE_DESCRIPTION = 0x010E;

	private static final int TAG_ARTIST = 0x013B;

	private static final int TAG_COPYRIGHT = 0x8298;

	private static final int TAG_GPS_ALTITUDE_REF = 0x0005;

	private static final int TAG_GPS_ALTITUDE = 0x0006;

	private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);

	/**
	 * The largest single array Commons Imaging may make for metadata (its default is 1 GB). It makes an array
	 * of a chunk's or segment's claimed length before reading it, so without this a WebP or TIFF field claiming
	 * 900 MB costs 900 MB before the file turns out to be shorter. Read once, when Commons Imaging's
	 * allocator is first used, so it is set before any picture is read.
	 */
	static final int MAX_ALLOCATION = 32 * 1024 * 1024;

	/**
	 * The longest side a picture may have (JPEG's own limit). Decoders read a whole row at a time, so within the
	 * pixel limit a picture 16 million pixels wide and one high cost 200 MB to hash (found by the fuzz run).
	 */
	static final int MAX_SIDE = 65_535;

	static {
		System.getProperties().putIfAbsent("org.apache.commons.imaging.common.Allocator", String.valueOf(MAX_ALLOCATION));
	}

	private ImageMetadataReader() {
	}

	/** The picture's size as its header states it; refuses one over the pixel limit before anything is decoded. */
	static Dimension checkedSize(byte[] bytes, long maxPixels) {
		if (PngChunks.isPng(bytes)) {
			PngChunks.check(bytes);
		}
		else if (JpegSegments.isJpeg(bytes)) {
			JpegSegments.check(bytes);
		}
		Dimension size;
		try {
			size = Imaging.getImageSize(bytes);
		}
		catch (IOException | RuntimeException ex) {
			throw damaged(ex);
		}
		long pixels = (long) size.width * size.height;
		if (size.width <= 0 || size.height <= 0) {
			throw damaged(null);
		}
		if (pixels > maxPixels) {
			throw MediaRefusedException.tooLarge("media.picture-too-many-pixels", size.width, size.height,
					Math.round(pixels / 1e6), Math.round(maxPixels / 1e6));
		}
		if (size.width > MAX_SIDE || size.height > MAX_SIDE) {
			throw MediaRefusedException.tooLarge("media.picture-too-wide", size.width, size.height, MAX_SIDE);
		}
		return size;
	}

	static MediaMetadata read(byte[] bytes, long maxPixels) {
		Dimension size = checkedSize(bytes, maxPixels);
		try {
			ImageInfo info = Imaging.getImageInfo(bytes);
			ImageMetadata metadata = Imaging.getMetadata(bytes);
			TiffImageMetadata exif = exif(metadata);
			Iptc iptc = Iptc.of(metadata);
			Xmp xmp = Xmp.parse(Imaging.getXmpXml(bytes));
			Integer orientation = intField(exif, TAG_ORIENTATION);
			return new MediaMetadata(size.width, size.height, orientation != null ? orientation : 1, takenAt(exif, xmp),
					camera(exif), location(exif), first(iptc.caption(), xmp.description(), text(exif, TAG_IMAGE_DESCRIPTION)),
					!iptc.keywords().isEmpty() ? iptc.keywords() : xmp.subjects(),
					first(iptc.byline(), xmp.creator(), text(exif, TAG_ARTIST)),
					first(iptc.copyright(), xmp.rights(), text(exif, TAG_COPYRIGHT)), first(iptc.title(), xmp.title(), null),
					colorSpace(info, exif), null, null, null);
		}
		catch (IOException | RuntimeException ex) {
			throw damaged(ex);
		}
	}

	private static MediaRefusedException damaged(Exception cause) {
		return MediaRefusedException.damagedPicture(cause);
	}

	private static TiffImageMetadata exif(ImageMetadata metadata) {
		if (metadata instanceof JpegImageMetadata jpeg) {
			return jpeg.getExif();
		}
		if (metadata instanceof TiffImageMetadata tiff) {
			return tiff;
		}
		if (metadata instanceof WebPImageMetadata webp) {
			return webp.getExif();
		}
		if (metadata instanceof PngImageMetadata png) {
			return png.getExif();
		}
		return null;
	}

	private static String takenAt(TiffImageMetadata exif, Xmp xmp) {
		String original = text(exif, TAG_DATE_TIME_ORIGINAL);
		String stamp = original != null ? original : text(exif, TAG_DATE_TIME);
		if (stamp == null) {
			return xmp.dateCreated();
		}
		try {
			LocalDateTime local = LocalDateTime.parse(stamp.trim(), EXIF_DATE);
			String offset = original != null ? text(exif, TAG_OFFSET_TIME_ORIGINAL) : null;
			return offset != null ? local.atOffset(ZoneOffset.of(offset.trim())).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
					: local.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}

	private static Camera camera(TiffImageMetadata exif) {
		String make = text(exif, TAG_MAKE);
		String model = text(exif, TAG_MODEL);
		return make == null && model == null ? null : new Camera(make, model);
	}

	private static GeoPoint location(TiffImageMetadata exif) throws ImagingException {
		TiffImageMetadata.GpsInfo gps = exif != null ? exif.getGpsInfo() : null;
		if (gps == null) {
			return null;
		}
		Double altitude = null;
		TiffField altitudeField = field(exif, TAG_GPS_ALTITUDE, true);
		if (altitudeField != null && altitudeField.getValue() instanceof RationalNumber rational) {
			Integer ref = intField(exif, TAG_GPS_ALTITUDE_REF, true);
			altitude = (ref != null && ref == 1 ? -1 : 1) * rational.doubleValue();
		}
		return new GeoPoint(gps.getLatitudeAsDegreesNorth(), gps.getLongitudeAsDegreesEast(), altitude);
	}

	private static String colorSpace(ImageInfo info, TiffImageMetadata exif) {
		if (info.getColorType() == ImageInfo.ColorType.CMYK || info.getColorType() == ImageInfo.ColorType.YCCK) {
			return "CMYK";
		}
		Integer exifSpace = intField(exif, TAG_COLOR_SPACE);
		if (exifSpace != null && exifSpace == 1) {
			return "sRGB";
		}
		return switch (info.getColorType()) {
			case GRAYSCALE, BW -> "Gray";
			case RGB, YCbCr -> "RGB";
			default -> info.getColorType().name();
		};
	}

	private static TiffField field(TiffImageMetadata exif, int tag, boolean gps) {
		if (exif == null) {
			return null;
		}
		for (TiffField field : exif.getAllFields()) {
			int directory = field.getDirectoryType();
			boolean wanted = gps ? directory == TiffDirectoryConstants.DIRECTORY_TYPE_GPS
					: directory == TiffDirectoryConstants.DIRECTORY_TYPE_ROOT
							|| directory == TiffDirectoryConstants.DIRECTORY_TYPE_EXIF;
			if (field.getTag() == tag && wanted) {
				return field;
			}
		}
		return null;
	}

	private static Integer intField(TiffImageMetadata exif, int tag) {
		return intField(exif, tag, false);
	}

	private static Integer intField(TiffImageMetadata exif, int tag, boolean gps) {
		TiffField field = field(exif, tag, gps);
		try {
			return field != null ? field.getIntValue() : null;
		}
		catch (ImagingException | RuntimeException ex) {
			return null;
		}
	}

	private static String text(TiffImageMetadata exif, int tag) {
		TiffField field = field(exif, tag, false);
		try {
			String value = field != null ? field.getStringValue() : null;
			return value == null || value.isBlank() ? null : value.trim();
		}
		catch (ImagingException | RuntimeException ex) {
			return null;
		}
	}

	private static String first(String a, String b, String c) {
		return a != null ? a : b != null ? b : c;
	}

	/** The IPTC IIM fields a newsroom fills in (Commons Imaging honours the UTF-8 marker, record 1:90). */
	private record Iptc(String caption, List<String> keywords, String byline, String copyright, String title) {

		static Iptc of(ImageMetadata metadata) {
			if (!(metadata instanceof JpegImageMetadata jpeg) || jpeg.getPhotoshop() == null) {
				return new Iptc(null, List.of(), null, null, null);
			}
			String caption = null;
			String byline = null;
			String copyright = null;
			String title = null;
			List<String> keywords = new ArrayList<>();
			for (IptcRecord record : jpeg.getPhotoshop().photoshopApp13Data.getRecords()) {
				String value = record.getValue() == null ? null : record.getValue().trim();
				if (value == null || value.isEmpty()) {
					continue;
				}
				if (record.iptcType == IptcTypes.CAPTION_ABSTRACT) {
					caption = value;
				}
				else if (record.iptcType == IptcTypes.KEYWORDS) {
					keywords.add(value);
				}
				else if (record.iptcType == IptcTypes.BYLINE) {
					byline = value;
				}
				else if (record.iptcType == IptcTypes.COPYRIGHT_NOTICE) {
					copyright = value;
				}
				else if (record.iptcType == IptcTypes.OBJECT_NAME) {
					title = value;
				}
			}
			return new Iptc(caption, List.copyOf(keywords), byline, copyright, title);
		}
	}
}
