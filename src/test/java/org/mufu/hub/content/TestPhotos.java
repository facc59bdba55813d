package org.mufu.hub.content;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * JPEG photos as a camera and a picture desk leave them: a capture time, a camera and GPS in EXIF, a caption,
 * keywords and a creator in XMP. Each is a different picture (its own pattern), so no two are duplicates.
 */
public final class TestPhotos {

	private TestPhotos() {
	}

	/** What a photo says about itself; any part may be null. */
	public record Photo(int width, int height, String caption, List<String> keywords, String creator, String takenAt,
			Double latitude, Double longitude, String cameraMake) {

		/** A landscape photo of 1600x1000 with only a caption. */
		public static Photo captioned(String caption) {
			return new Photo(1600, 1000, caption, List.of(), null, null, null, null, null);
		}

		public Photo size(int width, int height) {
			return new Photo(width, height, this.caption, this.keywords, this.creator, this.takenAt, this.latitude,
					this.longitude, this.cameraMake);
		}

		public Photo keywords(String... keywords) {
			return new Photo(this.width, this.height, this.caption, List.of(keywords), this.creator, this.takenAt,
					this.latitude, this.longitude, this.cameraMake);
		}

		public Photo by(String creator) {
			return new Photo(this.width, this.height, this.caption, this.keywords, creator, this.takenAt,
					this.latitude, this.longitude, this.cameraMake);
		}

		/** Taken at a local time, EXIF style: {@code 2025:04:12 09:30:00}. */
		public Photo taken(String exifTime, String cameraMake) {
			return new Photo(this.width, this.height, this.caption, this.keywords, this.creator, exifTime,
					this.latitude, this.longitude, cameraMake);
		}

		public Photo at(double latitude, double longitude) {
			return new Photo(this.width, this.height, this.caption, this.keywords, this.creator, this.takenAt,
					latitude, longitude, this.cameraMake);
		}
	}

	/** The photo's bytes. */
	public static byte[] jpeg(Photo photo) {
		try {
			byte[] bytes = pixels(photo.width(), photo.height());
			bytes = exif(bytes, photo);
			return xmp(bytes, photo);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] pixels(int width, int height) throws IOException {
		Random random = new Random();
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		for (int i = 0; i < 12; i++) {
			graphics.setColor(new Color(random.nextInt(0xFFFFFF)));
			graphics.fillRect(random.nextInt(width), random.nextInt(height), width / 3, height / 3);
		}
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	private static byte[] exif(byte[] jpeg, Photo photo) throws IOException {
		if (photo.takenAt() == null && photo.latitude() == null && photo.cameraMake() == null) {
			return jpeg;
		}
		TiffOutputSet exif = new TiffOutputSet();
		try {
			if (photo.cameraMake() != null) {
				TiffOutputDirectory root = exif.getOrCreateRootDirectory();
				root.add(TiffTagConstants.TIFF_TAG_MAKE, photo.cameraMake());
				root.add(TiffTagConstants.TIFF_TAG_MODEL, photo.cameraMake() + " test body");
			}
			if (photo.takenAt() != null) {
				exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, photo.takenAt());
			}
			if (photo.latitude() != null) {
				exif.setGpsInDegrees(photo.longitude(), photo.latitude());
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
			return out.toByteArray();
		}
		catch (ImagingException ex) {
			throw new IOException(ex);
		}
	}

	private static byte[] xmp(byte[] jpeg, Photo photo) throws IOException {
		if (photo.caption() == null && photo.keywords().isEmpty() && photo.creator() == null) {
			return jpeg;
		}
		String xml = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
				+ "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
				+ (photo.caption() != null ? "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(photo.caption())
						+ "</rdf:li></rdf:Alt></dc:description>" : "")
				+ (photo.creator() != null ? "<dc:creator><rdf:Seq><rdf:li>" + escape(photo.creator())
						+ "</rdf:li></rdf:Seq></dc:creator>" : "")
				+ (photo.keywords().isEmpty() ? "" : "<dc:subject><rdf:Bag>" + photo.keywords()
					.stream()
					.map(keyword -> "<rdf:li>" + escape(keyword) + "</rdf:li>")
					.collect(Collectors.joining()) + "</rdf:Bag></dc:subject>")
				+ "</rdf:Description></rdf:RDF></x:xmpmeta>";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			new JpegXmpRewriter().updateXmpXml(jpeg, out, xml);
		}
		catch (ImagingException ex) {
			throw new IOException(ex);
		}
		return out.toByteArray();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
