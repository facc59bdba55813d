package org.mufu.hub.content;

import java.util.stream.Stream;

import org.mufu.hub.index.IndexedDocument;
import org.mufu.hub.index.Reindexer;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.stereotype.Component;

/** The records in storage, as documents for a rebuild of the index. */
@Component
class StoredRecords implements Reindexer.Source {

	private final ObjectStorage storage;

	private final ContentService contents;

	private final AssetService assets;

	StoredRecords(ObjectStorage storage, ContentService contents, AssetService assets) {
		this.storage = storage;
		this.contents = contents;
		this.assets = assets;
	}

	@Override
	public Stream<IndexedDocument> contents() {
		return this.storage.list("content/")
			.stream()
			.filter(key -> key.endsWith(".json"))
			.map(key -> key.substring("content/".length(), key.length() - ".json".length()))
			.map(this.contents::find)
			.flatMap(java.util.Optional::stream)
			.map(this.contents::document);
	}

	@Override
	public Stream<IndexedDocument> assets() {
		return this.storage.list("assets/")
			.stream()
			.filter(key -> key.endsWith("/asset.json"))
			.map(key -> key.split("/")[1])
			.map(this.assets::find)
			.flatMap(java.util.Optional::stream)
			.map(this.assets::document);
	}
}
