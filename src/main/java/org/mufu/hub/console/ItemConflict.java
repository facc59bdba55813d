package org.mufu.hub.console;

import java.util.List;
import java.util.Objects;

/**
 * What changed when someone saved an item while this person was editing it: each field's stored value beside
 * theirs, the ones that differ marked. Empty and missing count as the same.
 */
record ItemConflict(int storedVersion, List<Field> fields) {

	static ItemConflict between(ItemForm stored, int storedVersion, ItemForm mine) {
		List<Field> fields = ItemForm.FIELDS.stream()
			.map(name -> Field.of(name, stored.value(name), mine.value(name)))
			.toList();
		return new ItemConflict(storedVersion, fields);
	}

	List<Field> changed() {
		return this.fields.stream().filter(Field::changed).toList();
	}

	/** One field: its stored value, this person's, and whether they differ (a component, for the page). */
	record Field(String name, String stored, String mine, boolean changed) {

		static Field of(String name, String stored, String mine) {
			return new Field(name, stored, mine, !Objects.equals(normal(stored), normal(mine)));
		}

		private static String normal(String value) {
			return value == null ? "" : value.strip();
		}
	}
}
