package org.mufu.hub.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import org.mufu.hub.Workers;
import org.mufu.hub.index.IndexedDocument;
import org.mufu.hub.index.Reindexer;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.stereotype.Component;

/**
 * The records in storage, as documents for a rebuild of the index. Each record is one small GET; they are read
 * a thousand at a time by sixteen readers, since the storage answers many requests at once far faster than one
 * after another.
 */
@Component
class StoredRecords implements Reindexer.Source {

	private static final int CHUNK = 1000;

	private static final org.apache.commons.logging.Log logger = org.apache.commons.logging.LogFactory
		.getLog(StoredRecords.class);

	private final ObjectStorage storage;

	private final ContentService contents;

	private final AssetService assets;

	private final Packs packs;

	private final AssetDocuments assetDocuments;

	private final ExecutorService readers = Workers.pool("record-reader", 16);

	StoredRecords(ObjectStorage storage, ContentService contents, AssetService assets, Packs packs,
			AssetDocuments assetDocuments) {
		this.storage = storage;
		this.assetDocuments = assetDocuments;
		this.packs = packs;
		this.contents = contents;
		this.assets = assets;
	}

	@Override
	public Stream<IndexedDocument> contents() {
		long started = System.nanoTime();
		List<String> keys = listShards("content/");
		List<String> ids = keys.stream()
			.filter(key -> key.endsWith(".json"))
			.map(key -> key.substring(key.lastIndexOf('/') + 1, key.length() - ".json".length()))
			.toList();
		// an imported item with a record of its own, or deleted, is not read from its pack
		Set<String> overridden = keys.stream()
			.map(key -> key.substring(key.lastIndexOf('/') + 1, key.lastIndexOf('.')))
			.collect(Collectors.toSet());
		List<String> packs = this.packs.list();
		logger.info("Listed " + ids.size() + " item records and " + packs.size() + " packs in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms");
		Stream<IndexedDocument> own = read(ids, id -> this.contents.find(id).map(this.contents::document));
		Stream<IndexedDocument> packed = packs.stream()
			.flatMap(pack -> readPack(pack, overridden).stream());
		return Stream.concat(own, packed);
	}

	private List<IndexedDocument> readPack(String packId, Set<String> overridden) {
		return this.packs.read(packId)
			.parallelStream()
			.filter(item -> !overridden.contains(item.id()))
			.map(this.contents::document)
			.toList();
	}

	@Override
	public Stream<IndexedDocument> assets() {
		List<String> ids = listShards("assets/")
			.stream()
			.filter(key -> key.endsWith("/asset.json"))
			.map(key -> key.split("/")[2])
			.toList();
		return read(ids, id -> this.assets.find(id).map(this.assetDocuments::of));
	}

	@Override
	public Optional<IndexedDocument> content(String id) {
		return this.contents.find(id).map(this.contents::document);
	}

	@Override
	public Optional<IndexedDocument> content(String id, int version) {
		return this.contents.settled(id, version).map(this.contents::document);
	}

	@Override
	public List<IndexedDocument> pack(String packId) {
		return this.packs.read(packId).parallelStream().map(this.contents::document).toList();
	}

	@Override
	public Optional<IndexedDocument> asset(String id) {
		return this.assets.find(id).map(this.assetDocuments::of);
	}

	@Override
	public Optional<IndexedDocument> asset(String id, int revision) {
		return this.assets.settled(id, revision).map(this.assetDocuments::of);
	}

	@Override
	public Optional<String> packOf(String id) {
		return Ids.packOf(id);
	}

	@Override
	public List<String> packMembers(String packId, int count) {
		return IntStream.range(0, count).mapToObj(n -> Ids.inPack(packId, n)).toList();
	}

	/** Every key under a sharded folder, the 256 shards listed by the readers at once. */
	private List<String> listShards(String folder) {
		List<Callable<List<String>>> listings = Records.SHARDS.stream()
			.<Callable<List<String>>>map(shard -> () -> this.storage.list(folder + shard + "/"))
			.toList();
		return Workers.all(this.readers, listings).stream().flatMap(List::stream).toList();
	}

	private Stream<IndexedDocument> read(List<String> ids, Function<String, Optional<IndexedDocument>> reader) {
		return IntStream.range(0, (ids.size() + CHUNK - 1) / CHUNK)
			.mapToObj(chunk -> ids.subList(chunk * CHUNK, Math.min(ids.size(), (chunk + 1) * CHUNK)))
			.flatMap(chunk -> readChunk(chunk, reader).stream());
	}

	private List<IndexedDocument> readChunk(List<String> ids, Function<String, Optional<IndexedDocument>> reader) {
		List<Callable<Optional<IndexedDocument>>> tasks = ids.stream()
			.<Callable<Optional<IndexedDocument>>>map(id -> () -> reader.apply(id))
			.toList();
		List<IndexedDocument> documents = new ArrayList<>(ids.size());
		Workers.all(this.readers, tasks).forEach(found -> found.ifPresent(documents::add));
		return documents;
	}

	@PreDestroy
	void stop() {
		this.readers.shutdownNow();
	}
}
