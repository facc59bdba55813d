package org.mufu.hub.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class ImageMetadataReaderTest {

	private static final long MAX_PIXELS = 100_000_000;

	@Test
	void chineseIptcWrittenAsUtf8ReadsBack() throws IOException {
		MediaMetadata photo = read("photos/mufu-summit-clouds.jpg");

		assertThat(photo.caption()).isEqualTo("清晨的幕阜山主峰，云海翻涌，远处群山若隐若现。");
		assertThat(photo.keywords()).containsExactly("云海", "幕阜山", "日出");
		assertThat(photo.creator()).isEqualTo("李明");
		assertThat(photo.title()).isEqualTo("幕阜山云海");
		assertThat(photo.colorSpace()).isEqualTo("sRGB");
		assertThat(photo.camera()).isEqualTo(new Camera("SONY", "ILCE-7M4"));
		assertThat(photo.location().altitude()).isCloseTo(1596, within(0.5));
	}

	@Test
	void timeWithoutRecordedOffsetStaysLocal() throws IOException {
		assertThat(read("photos/g106-road-trip.jpg").takenAt()).isEqualTo("2025-06-14T16:03:27");
	}

	@Test
	void sidewaysPhotoReportsItsDisplaySize() throws IOException {
		MediaMetadata photo = read("photos/dawei-mountain-dawn.jpg");

		assertThat(photo.orientation()).isEqualTo(6);
		assertThat(photo.displayWidth()).isEqualTo(1500);
		assertThat(photo.displayHeight()).isEqualTo(2000);
	}

	@Test
	void printPosterIsCmyk() throws IOException {
		assertThat(read("posters/mufu-alliance-poster-cmyk.jpg").colorSpace()).isEqualTo("CMYK");
	}

	@Test
	void pngWithoutExifHasSizeAndDefaultOrientation() throws IOException {
		MediaMetadata logo = read("posters/alliance-logo.png");

		assertThat(logo.width()).isEqualTo(512);
		assertThat(logo.orientation()).isEqualTo(1);
		assertThat(logo.location()).isNull();
	}

	private static MediaMetadata read(String sample) throws IOException {
		return ImageMetadataReader.read(Files.readAllBytes(Path.of("media-samples", sample)), MAX_PIXELS);
	}

	@Test
	void compressedTextInflatingToHundredsOfMegabytesIsRefusedWithinABoundedAllocation() {
		for (String chunk : java.util.List.of("zTXt", "iTXt")) {
			byte[] png = HostileFiles.pngWithCompressedText(chunk, "XML:com.adobe.xmp", 200 * 1024 * 1024);

			long allocated = Allocation.of(Allocation.ignoringRefusal(() -> ImageMetadataReader.read(png, MAX_PIXELS)));

			assertThat(png.length).as(chunk).isLessThan(400 * 1024);
			assertThatExceptionOfType(MediaRefusedException.class).as(chunk)
				.isThrownBy(() -> ImageMetadataReader.read(png, MAX_PIXELS))
				.satisfies(ex -> assertThat(org.mufu.hub.Errors.kindOf(ex)).isEqualTo(org.mufu.hub.ErrorKind.UNSUPPORTED_MEDIA))
				.withMessageContaining("too complex");
			System.out.printf("%s of %d bytes inflating to 200 MB: refused after allocating %d bytes%n", chunk,
					png.length, allocated);
			assertThat(allocated).as(chunk + ": bytes allocated refusing it").isLessThan(4 * 1024 * 1024);
		}
	}

	@Test
	void smallCompressedTextIsStillRead() {
		byte[] png = HostileFiles.pngWithCompressedText("zTXt", "Comment", 10_000);

		MediaMetadata picture = ImageMetadataReader.read(png, MAX_PIXELS);

		assertThat(picture.width()).isEqualTo(1);
	}

	@Test
	void aChunkLongerThanTheFileIsRefusedBeforeAnythingIsAllocatedForIt() {
		byte[] png = HostileFiles.png("tEXt", "Comment\0hello".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
		java.nio.ByteBuffer.wrap(png).putInt(33, 900 * 1024 * 1024);

		long allocated = Allocation.of(Allocation.ignoringRefusal(() -> ImageMetadataReader.read(png, MAX_PIXELS)));

		assertThatExceptionOfType(MediaRefusedException.class).isThrownBy(() -> ImageMetadataReader.read(png, MAX_PIXELS))
			.satisfies(ex -> assertThat(org.mufu.hub.Errors.kindOf(ex)).isEqualTo(org.mufu.hub.ErrorKind.UNSUPPORTED_MEDIA));
		assertThat(allocated).isLessThan(1024 * 1024);
	}

	@Test
	void anXmpPacketOverTheLimitIsSetAside() {
		String packet = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><!--" + "x".repeat(Xmp.MAX_CHARS) + "--></x:xmpmeta>";

		assertThat(Xmp.parse(packet).subjects()).isEmpty();
	}

	@Test
	void aPngOfMoreChunksThanAnyWriterMakesIsRefused() {
		java.io.ByteArrayOutputStream many = new java.io.ByteArrayOutputStream();
		byte[] png = HostileFiles.png(null, null);
		many.write(png, 0, 33); // signature and header
		for (int i = 0; i <= PngChunks.MAX_CHUNKS; i++) {
			HostileFiles.chunk(many, "tEXt", new byte[0]);
		}
		many.write(png, 33, png.length - 33);

		assertThatExceptionOfType(MediaRefusedException.class)
			.isThrownBy(() -> ImageMetadataReader.read(many.toByteArray(), MAX_PIXELS))
			.withMessageContaining("too complex");
	}

	@Test
	void aJpegOfMoreSegmentsThanAnyWriterMakesIsRefused() throws IOException {
		byte[] photo = Files.readAllBytes(Path.of("media-samples/photos/pingjiang-jianggan.jpg"));
		java.io.ByteArrayOutputStream many = new java.io.ByteArrayOutputStream();
		many.write(photo, 0, 2);
		for (int i = 0; i <= JpegSegments.MAX_SEGMENTS; i++) {
			many.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xEF, 0, 2 }); // an empty APP15 segment
		}
		many.write(photo, 2, photo.length - 2);

		assertThatExceptionOfType(MediaRefusedException.class)
			.isThrownBy(() -> ImageMetadataReader.read(many.toByteArray(), MAX_PIXELS))
			.withMessageContaining("too complex");
	}

	@Test
	void aPictureLongerThanAnySideTheHubTakesIsRefusedWithinThePixelLimit() {
		byte[] png = HostileFiles.png(null, null);
		java.nio.ByteBuffer.wrap(png).putInt(16, 16_777_217); // IHDR width; the height stays 1

		assertThatExceptionOfType(MediaRefusedException.class).isThrownBy(() -> ImageMetadataReader.read(png, MAX_PIXELS))
			.satisfies(ex -> assertThat(org.mufu.hub.Errors.kindOf(ex)).isEqualTo(org.mufu.hub.ErrorKind.TOO_LARGE));
	}
}
