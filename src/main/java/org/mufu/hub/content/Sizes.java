package org.mufu.hub.content;

import java.util.Locale;

/** Byte counts as people read them. */
final class Sizes {

	private Sizes() {
	}

	static String human(long bytes) {
		if (bytes < 1024) {
			return bytes + " bytes";
		}
		String[] units = { "KB", "MB", "GB", "TB" };
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
	}
}
