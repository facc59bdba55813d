package org.mufu.hub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mufu.hub.storage.ObjectStorage;
import org.mufu.hub.storage.Stored;

/**
 * Small JSON records (members, people, credentials) in storage, changed only by compare-and-swap: a create is
 * put-if-absent, an update names the ETag it read and is made again on the newer version when another hub
 * changed the record first. No lock in one JVM is involved, so any number of hubs can share the bucket.
 */
final class StoredJson<T> {

	private static final int ATTEMPTS = 10;

	private final ObjectStorage storage;

	private final ObjectMapper json;

	private final String folder;

	private final Class<T> type;

	StoredJson(ObjectStorage storage, ObjectMapper json, String folder, Class<T> type) {
		this.storage = storage;
		this.json = json;
		this.folder = folder;
		this.type = type;
	}

	Optional<T> find(String id) {
		return this.storage.find(key(id)).map(this::read);
	}

	List<T> all() {
		return this.storage.list(this.folder)
			.stream()
			.map(key -> this.storage.find(key).map(this::read))
			.flatMap(Optional::stream)
			.toList();
	}

	/** Whether the record was created: false when one with this id exists already. */
	boolean create(String id, T value) {
		return this.storage.putIfAbsent(key(id), write(value), "application/json").isPresent();
	}

	/** The record as changed, or empty when there is none; {@code change} may run more than once. */
	Optional<T> update(String id, UnaryOperator<T> change) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Optional<Stored> stored = this.storage.findStored(key(id));
			if (stored.isEmpty()) {
				return Optional.empty();
			}
			T changed = change.apply(read(stored.get().bytes()));
			if (this.storage.replace(key(id), write(changed), "application/json", stored.get().etag()).isPresent()) {
				return Optional.of(changed);
			}
		}
		throw new IllegalStateException("The record " + key(id) + " changed " + ATTEMPTS + " times while being saved");
	}

	private String key(String id) {
		return this.folder + id + ".json";
	}

	private T read(byte[] bytes) {
		try {
			return this.json.readValue(bytes, this.type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A stored record of " + this.folder + " cannot be read", ex);
		}
	}

	private byte[] write(T value) {
		try {
			return this.json.writeValueAsBytes(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
