package org.mufu.hub.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.stereotype.Component;

/**
 * Imported items kept together: one storage object per pack of up to {@value #SIZE} records, one JSON line each,
 * written once and never changed. An imported item's id names its pack, so it is found without the index. Once
 * changed, an item gets a record of its own, which wins over the packed one; a deleted one leaves a tombstone.
 */
@Component
class Packs {

	/** Small enough that reading one imported item (its whole pack) stays quick. */
	static final int SIZE = 500;

	private static final int RECENT = 8;

	private final ObjectStorage storage;

	private final ObjectMapper json;

	/* Packs never change, so recently read ones are kept: an editor's list of results often shares packs. */
	private final Map<String, Map<String, ContentItem>> recent = Collections
		.synchronizedMap(new LinkedHashMap<>(RECENT, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Map<String, ContentItem>> eldest) {
				return size() > RECENT;
			}
		});

	/*
	 * Packs this hub has just written, kept until the index has read them back: an import's 40 packs of 20,000
	 * items are indexed from memory rather than read and parsed again (that took a third of a load's time).
	 */
	private final Map<String, Map<String, ContentItem>> written = Collections
		.synchronizedMap(new LinkedHashMap<>(FRESH, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Map<String, ContentItem>> eldest) {
				return size() > FRESH;
			}
		});

	private static final int FRESH = 40;

	Packs(ObjectStorage storage, ObjectMapper json) {
		this.storage = storage;
		this.json = json;
	}

	void write(String packId, List<ContentItem> items) {
		ByteArrayOutputStream lines = new ByteArrayOutputStream(items.size() * 2048);
		try {
			for (ContentItem item : items) {
				lines.write(this.json.writeValueAsBytes(item));
				lines.write('\n');
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.storage.putBytes(Records.pack(packId), lines.toByteArray(), "application/x-ndjson");
		Map<String, ContentItem> kept = new LinkedHashMap<>();
		items.forEach(item -> kept.put(item.id(), item));
		this.written.put(packId, Collections.unmodifiableMap(kept));
	}

	/** Removes a pack that an import could not finish storing. */
	void delete(String packId) {
		this.recent.remove(packId);
		this.written.remove(packId);
		this.storage.delete(Records.pack(packId));
	}

	/** The packed record of an imported item, as imported. */
	Optional<ContentItem> find(String id) {
		return Ids.packOf(id).flatMap(this::items).map(items -> items.get(id));
	}

	/** Every item of a pack, in the order imported. */
	List<ContentItem> read(String packId) {
		return items(packId).map(items -> List.copyOf(items.values())).orElse(List.of());
	}

	/** The ids of every pack in storage. */
	List<String> list() {
		return this.storage.list(Records.PACKS)
			.stream()
			.filter(key -> key.endsWith(".ndjson"))
			.map(key -> key.substring(Records.PACKS.length(), key.length() - ".ndjson".length()))
			.toList();
	}

	private Optional<Map<String, ContentItem>> items(String packId) {
		Map<String, ContentItem> fresh = this.written.remove(packId);
		if (fresh != null) {
			this.recent.put(packId, fresh);
			return Optional.of(fresh);
		}
		Map<String, ContentItem> items = this.recent.get(packId);
		if (items != null) {
			return Optional.of(items);
		}
		Optional<byte[]> bytes = this.storage.find(Records.pack(packId));
		if (bytes.isEmpty()) {
			return Optional.empty();
		}
		Map<String, ContentItem> parsed = new LinkedHashMap<>();
		for (String line : new String(bytes.get(), StandardCharsets.UTF_8).split("\n")) {
			if (!line.isBlank()) {
				try {
					ContentItem item = this.json.readValue(line, ContentItem.class);
					parsed.put(item.id(), item);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Pack " + packId + " cannot be read", ex);
				}
			}
		}
		Map<String, ContentItem> kept = Collections.unmodifiableMap(parsed);
		this.recent.put(packId, kept);
		return Optional.of(kept);
	}
}
