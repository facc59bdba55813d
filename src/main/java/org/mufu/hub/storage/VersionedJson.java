package org.mufu.hub.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Small JSON records (members, people, saved searches) that any number of hubs change at once without losing a
 * change. Each version of a record is its own object, {@code {folder}{id}/{n}.json}, made with put-if-absent:
 * of two writers making version n, one wins and the other reads again and makes n + 1. Only put-if-absent
 * decides, because the embedded S3 server checks {@code If-Match} without holding the object. The two newest
 * versions (and the first, so an id once taken stays taken) are kept; older ones are deleted.
 */
public final class VersionedJson<T> {

	private static final int ATTEMPTS = 20;

	private static final String FIRST = version(1);

	private final ObjectStorage storage;

	private final ObjectMapper json;

	private final String folder;

	private final Class<T> type;

	public VersionedJson(ObjectStorage storage, ObjectMapper json, String folder, Class<T> type) {
		this.storage = storage;
		this.json = json;
		this.folder = folder.endsWith("/") ? folder : folder + "/";
		this.type = type;
	}

	public Optional<T> find(String id) {
		return latest(id).flatMap(key -> this.storage.find(key)).map(this::read);
	}

	/** The newest version of every record in the folder. */
	public List<T> all() {
		Map<String, String> newest = new TreeMap<>();
		for (String key : this.storage.list(this.folder)) {
			String rest = key.substring(this.folder.length());
			int slash = rest.lastIndexOf('/');
			if (slash > 0) {
				newest.merge(rest.substring(0, slash), key, (a, b) -> a.compareTo(b) >= 0 ? a : b);
			}
		}
		return newest.values().stream().map(key -> this.storage.find(key).map(this::read)).flatMap(Optional::stream)
			.toList();
	}

	/** Whether the record was created: false when one with this id was ever made. */
	public boolean create(String id, T value) {
		return this.storage.putIfAbsent(this.folder + id + "/" + FIRST, write(value), "application/json").isPresent();
	}

	/** The record as changed, or empty when there is none; {@code change} may run more than once. */
	public Optional<T> update(String id, UnaryOperator<T> change) {
		return save(id, current -> current.map(change));
	}

	/**
	 * Makes the next version from the current one (empty when there is none yet); a change that answers empty
	 * writes nothing. The version written, or empty.
	 */
	public Optional<T> save(String id, java.util.function.Function<Optional<T>, Optional<T>> change) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Optional<String> latest = latest(id);
			Optional<T> current = latest.flatMap(key -> this.storage.find(key)).map(this::read);
			if (latest.isPresent() && current.isEmpty()) {
				continue; // deleted as an old version between the listing and the read: a newer one exists
			}
			Optional<T> changed = change.apply(current);
			if (changed.isEmpty()) {
				return Optional.empty();
			}
			int next = latest.map(VersionedJson::number).orElse(0) + 1;
			if (this.storage.putIfAbsent(this.folder + id + "/" + version(next), write(changed.get()),
					"application/json").isPresent()) {
				if (next > 3) {
					this.storage.delete(this.folder + id + "/" + version(next - 2));
				}
				return changed;
			}
		}
		throw new StorageUnavailableException("The record " + this.folder + id + " changed " + ATTEMPTS
				+ " times while being saved", null);
	}

	private Optional<String> latest(String id) {
		return this.storage.list(this.folder + id + "/").stream().max(String::compareTo);
	}

	private static String version(int n) {
		return String.format("%010d.json", n);
	}

	private static int number(String key) {
		String name = key.substring(key.lastIndexOf('/') + 1);
		return Integer.parseInt(name.substring(0, name.indexOf('.')));
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
