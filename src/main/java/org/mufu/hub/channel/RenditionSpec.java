package org.mufu.hub.channel;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One derived picture a channel needs: its name, size, and whether it is cropped to that size around the
 * focal point (CROP) or scaled to fit the width (FIT; height 0 keeps the picture's proportions).
 */
public record RenditionSpec(String name, int width, int height, @DefaultValue("CROP") Mode mode,
		@DefaultValue("0.85") float quality) {

	public enum Mode {
		CROP, FIT
	}

	/** Storage key part that changes when the focal point does, so a moved focal point makes new renditions. */
	String fileName(double focusX, double focusY) {
		return String.format(java.util.Locale.ROOT, "%s-%dx%d-f%03d%03d.jpg", this.name, this.width, this.height,
				Math.round(focusX * 1000) % 1000, Math.round(focusY * 1000) % 1000);
	}
}
