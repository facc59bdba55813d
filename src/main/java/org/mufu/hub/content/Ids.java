package org.mufu.hub.content;

import java.security.SecureRandom;
import java.util.Locale;

/** Short ids that sort by creation time: milliseconds and eight random characters, in base 36. */
final class Ids {

	private static final SecureRandom random = new SecureRandom();

	private Ids() {
	}

	static String next() {
		StringBuilder id = new StringBuilder(Long.toString(System.currentTimeMillis(), 36));
		for (int i = 0; i < 8; i++) {
			id.append(Character.forDigit(random.nextInt(36), 36));
		}
		return id.toString().toLowerCase(Locale.ROOT);
	}

	/** Whether a string can be an id, so that it can safely become part of a storage key. */
	static boolean valid(String id) {
		return id != null && id.matches("[0-9a-z]{8,40}");
	}
}
