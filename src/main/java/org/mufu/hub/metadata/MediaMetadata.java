package org.mufu.hub.metadata;

import java.util.List;

/**
 * What the hub reads from a file's own bytes: dimensions, orientation, capture time and place, camera,
 * the caption and credits written into it, and for video its duration, frame rate and codec.
 */
public record MediaMetadata(Integer width, Integer height, Integer orientation, String takenAt, Camera camera,
		GeoPoint location, String caption, List<String> keywords, String creator, String copyright, String title,
		String colorSpace, Double durationSeconds, Double frameRate, String videoCodec) {

	public static MediaMetadata none() {
		return new MediaMetadata(null, null, null, null, null, null, null, List.of(), null, null, null, null, null,
				null, null);
	}

	/** Width as shown, after the EXIF orientation turns the picture (orientations 5 to 8 swap the sides). */
	public Integer displayWidth() {
		return turned() ? this.height : this.width;
	}

	public Integer displayHeight() {
		return turned() ? this.width : this.height;
	}

	private boolean turned() {
		return this.orientation != null && this.orientation >= 5 && this.orientation <= 8;
	}
}
