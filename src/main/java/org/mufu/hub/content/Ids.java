package org.mufu.hub.content;

import java.security.SecureRandom;
import java.util.Locale;

/** Short ids that sort by creation time: milliseconds and eight random characters, in base 36. */
final class Ids {

	private static final SecureRandom random = new SecureRandom();

	/** Eight characters of milliseconds (until the year 2059) and eight random ones. */
	private static final int PLAIN_LENGTH = 16;

	private static final int PACKED_LENGTH = 20;

	private Ids() {
	}

	static String next() {
		StringBuilder id = new StringBuilder(Long.toString(System.currentTimeMillis(), 36));
		for (int i = 0; i < 8; i++) {
			id.append(Character.forDigit(random.nextInt(36), 36));
		}
		return id.toString().toLowerCase(Locale.ROOT);
	}

	/** The id of the n-th item of a pack: the pack's own id and n in four base-36 digits. */
	static String inPack(String packId, int n) {
		String seq = Integer.toString(n, 36);
		return packId + "0".repeat(PACKED_LENGTH - packId.length() - seq.length()) + seq;
	}

	/** The pack an imported item was stored in, named by its id; other ids have none. */
	static java.util.Optional<String> packOf(String id) {
		return id.length() == PACKED_LENGTH ? java.util.Optional.of(id.substring(0, PLAIN_LENGTH))
				: java.util.Optional.empty();
	}

	/** When an id was made, from its first eight characters; the epoch for an id that does not say. */
	static java.time.Instant createdAt(String id) {
		try {
			return java.time.Instant.ofEpochMilli(Long.parseLong(id.substring(0, 8), 36));
		}
		catch (RuntimeException ex) {
			return java.time.Instant.EPOCH;
		}
	}

	/** Whether a string can be an id, so that it can safely become part of a storage key. */
	static boolean valid(String id) {
		return id != null && id.matches("[0-9a-z]{8,40}");
	}
}
