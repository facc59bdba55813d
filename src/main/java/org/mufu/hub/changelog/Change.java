package org.mufu.hub.changelog;

import java.time.Instant;
import java.util.List;

/**
 * One committed change, as the log keeps it in {@code log/{seq}.json}: what changed (an item, a pack of imported
 * items or an asset, at which record version), who did it and when. {@code seq} is the change's place in the one
 * order of everything that happened; it is 0 until the change is appended.
 */
public record Change(long seq, ChangeType type, String subject, int version, String by, Instant at,
		List<String> channels, String note) {

	public Change {
		channels = channels == null ? List.of() : List.copyOf(channels);
	}

	/** A change to append: the log gives it its number. */
	public static Change of(ChangeType type, String subject, int version, String by, List<String> channels,
			String note) {
		return new Change(0, type, subject, version, by, Instant.now(), channels, note);
	}

	public static Change of(ChangeType type, String subject, int version, String by) {
		return of(type, subject, version, by, List.of(), null);
	}

	Change numbered(long number) {
		return new Change(number, this.type, this.subject, this.version, this.by, this.at, this.channels, this.note);
	}
}
