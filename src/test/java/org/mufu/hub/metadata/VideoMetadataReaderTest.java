package org.mufu.hub.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.Errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class VideoMetadataReaderTest {

	private static final Path VIDEOS = Path.of("media-samples/videos");

	@Test
	void landscapeClipHasSizeDurationFrameRateCodecAndPlace() {
		MediaMetadata clip = VideoMetadataReader.read(new FileSource(VIDEOS.resolve("liuyang-river-night.mp4")));

		assertThat(clip.width()).isEqualTo(640);
		assertThat(clip.height()).isEqualTo(360);
		assertThat(clip.orientation()).isEqualTo(1);
		assertThat(clip.durationSeconds()).isCloseTo(4.0, within(0.1));
		assertThat(clip.frameRate()).isCloseTo(25.0, within(0.01));
		assertThat(clip.videoCodec()).isEqualTo("avc1");
		assertThat(clip.takenAt()).isEqualTo("2025-10-26T12:15:00Z");
		assertThat(clip.location().latitude()).isCloseTo(28.158, within(1e-6));
		assertThat(clip.location().longitude()).isCloseTo(113.642, within(1e-6));
	}

	@Test
	void rotatedClipShowsPortrait() {
		MediaMetadata clip = VideoMetadataReader.read(new FileSource(VIDEOS.resolve("huangpao-trail-rotated.mp4")));

		assertThat(clip.orientation()).isEqualTo(6);
		assertThat(clip.displayWidth()).isEqualTo(360);
		assertThat(clip.displayHeight()).isEqualTo(640);
	}

	@Test
	void verticalClipWithItsIndexAtTheEnd() {
		MediaMetadata clip = VideoMetadataReader.read(new FileSource(VIDEOS.resolve("mufu-summit-vertical.mp4")));

		assertThat(clip.displayWidth()).isEqualTo(360);
		assertThat(clip.displayHeight()).isEqualTo(640);
		assertThat(clip.frameRate()).isCloseTo(30.0, within(0.01));
		assertThat(clip.location().altitude()).isCloseTo(1596.0, within(0.01));
	}

	@Test
	void truncatedClipIsRefused(@TempDir Path dir) throws IOException {
		byte[] whole = Files.readAllBytes(VIDEOS.resolve("liuyang-river-night.mp4"));
		Path cut = dir.resolve("cut.mp4");
		Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));

		assertThatExceptionOfType(MediaRefusedException.class).isThrownBy(() -> VideoMetadataReader.read(new FileSource(cut)))
			.satisfies(ex -> assertThat(Errors.kindOf(ex)).isEqualTo(ErrorKind.UNSUPPORTED_MEDIA));
	}

	@Test
	void tablesClaimingHundredsOfMillionsOfSamplesAreRefusedWithoutAllocatingForThem() {
		byte[] clip = HostileFiles.mp4ClaimingSamples(300_000_000);

		long allocated = Allocation.of(Allocation.ignoringRefusal(() -> VideoMetadataReader.read(new BytesSource(clip))));

		assertThat(clip.length).isLessThan(1024);
		assertThatExceptionOfType(MediaRefusedException.class).isThrownBy(() -> VideoMetadataReader.read(new BytesSource(clip)))
			.satisfies(ex -> assertThat(Errors.kindOf(ex)).isEqualTo(ErrorKind.UNSUPPORTED_MEDIA));
		System.out.printf("MP4 of %d bytes claiming 300 million samples: refused after allocating %d bytes%n",
				clip.length, allocated);
		assertThat(allocated).as("bytes allocated reading the clip").isLessThan(1024 * 1024);
	}

	@Test
	void aConstantSampleSizeNeedsNoTable() {
		byte[] clip = HostileFiles.mp4ClaimingSamples(100);

		MediaMetadata read = VideoMetadataReader.read(new BytesSource(clip));

		assertThat(read.width()).isEqualTo(640);
		assertThat(read.frameRate()).isEqualTo(25.0);
		assertThat(read.videoCodec()).isEqualTo("avc1");
	}

	@Test
	void aBoxLargerThanItsParentIsRefused() {
		assertThatExceptionOfType(MediaRefusedException.class)
			.isThrownBy(() -> VideoMetadataReader.read(new BytesSource(HostileFiles.mp4WithOversizedInnerBox())))
			.satisfies(ex -> assertThat(Errors.kindOf(ex)).isEqualTo(ErrorKind.UNSUPPORTED_MEDIA));
	}

	@Test
	void twentyThousandEmptyBoxesCostOneRead() {
		BytesSource source = new BytesSource(HostileFiles.mp4WithEmptyBoxes(20_000));

		MediaMetadata clip = VideoMetadataReader.read(source);

		assertThat(clip.width()).isEqualTo(640);
		assertThat(source.reads).isEqualTo(1);
	}

	@Test
	void moreTopLevelBoxesThanAnyWriterMakesAreRefused() {
		assertThatExceptionOfType(MediaRefusedException.class)
			.isThrownBy(() -> VideoMetadataReader.read(new BytesSource(
					HostileFiles.mp4WithEmptyBoxes(Mp4Boxes.MAX_TOP_LEVEL_BOXES + 1))))
			.satisfies(ex -> assertThat(Errors.kindOf(ex)).isEqualTo(ErrorKind.UNSUPPORTED_MEDIA))
			.withMessageContaining("too complex");
	}

	/** Bytes in memory, counting the reads made of them as storage would count requests. */
	static final class BytesSource implements RandomAccessSource {

		private final byte[] bytes;

		int reads;

		BytesSource(byte[] bytes) {
			this.bytes = bytes;
		}

		@Override
		public long size() {
			return this.bytes.length;
		}

		@Override
		public byte[] read(long offset, int length) {
			this.reads++;
			return java.util.Arrays.copyOfRange(this.bytes, (int) offset, (int) Math.min(this.bytes.length, offset + length));
		}
	}
}
