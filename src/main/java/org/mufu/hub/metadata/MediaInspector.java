package org.mufu.hub.metadata;

/** Reads what a file says about itself; the only door into this package's readers. */
public final class MediaInspector {

	private MediaInspector() {
	}

	/** A picture's metadata; refuses one whose header claims more pixels than allowed, before any decoding. */
	public static MediaMetadata image(byte[] bytes, long maxPixels) {
		return ImageMetadataReader.read(bytes, maxPixels);
	}

	/** A video's metadata, reading only the box headers and the moov box of the stored file. */
	public static MediaMetadata video(RandomAccessSource source) {
		return VideoMetadataReader.read(source);
	}
}
