package org.mufu.hub.channel;

import java.awt.Rectangle;

/**
 * Where a rendition is cut from a picture as shown: the largest region of the rendition's shape, centred on
 * the focal point as far as the edges allow.
 */
final class Crops {

	private Crops() {
	}

	static Rectangle region(int shownWidth, int shownHeight, RenditionSpec spec, double focusX, double focusY) {
		if (spec.mode() == RenditionSpec.Mode.FIT || spec.height() == 0) {
			return new Rectangle(0, 0, shownWidth, shownHeight);
		}
		double aspect = (double) spec.width() / spec.height();
		int width = shownWidth;
		int height = (int) Math.round(shownWidth / aspect);
		if (height > shownHeight) {
			height = shownHeight;
			width = (int) Math.round(shownHeight * aspect);
		}
		int x = clamp((int) Math.round(focusX * shownWidth - width / 2.0), 0, shownWidth - width);
		int y = clamp((int) Math.round(focusY * shownHeight - height / 2.0), 0, shownHeight - height);
		return new Rectangle(x, y, width, height);
	}

	/** How much the region must be enlarged to fill the rendition (below 1: reduced). */
	static double scale(Rectangle region, RenditionSpec spec) {
		if (spec.mode() == RenditionSpec.Mode.FIT || spec.height() == 0) {
			return (double) spec.width() / region.width;
		}
		return Math.max((double) spec.width() / region.width, (double) spec.height() / region.height);
	}

	private static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(max, value));
	}
}
