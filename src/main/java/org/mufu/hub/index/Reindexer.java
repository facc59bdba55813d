package org.mufu.hub.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;
import org.mufu.hub.changelog.Change;
import org.mufu.hub.changelog.ChangeLog;
import org.mufu.hub.changelog.ChangeType;

import org.springframework.stereotype.Component;

/**
 * Builds new versioned indices from the records in storage and moves the aliases onto them in one step;
 * the old indices are dropped afterwards. Works as well when the old index was deleted by hand.
 */
@Component
public class Reindexer {

	private static final Log logger = LogFactory.getLog(Reindexer.class);

	private static final int BATCH = 1000;

	private final ElasticsearchClient client;

	private final IndexNames names;

	private final SearchCluster cluster;

	private final ChangeLog log;

	private final LogIndexer indexer;

	private static final String LEASE = "reindex";

	/** How long a rebuild waits for the hub following the log to move the aliases. */
	private static final java.time.Duration SWITCH_WAIT = java.time.Duration.ofMinutes(10);

	private final org.mufu.hub.changelog.Leases leases;

	Reindexer(ElasticsearchClient client, IndexNames names, SearchCluster cluster, ChangeLog log, LogIndexer indexer,
			org.mufu.hub.changelog.Leases leases) {
		this.leases = leases;
		this.client = client;
		this.names = names;
		this.cluster = cluster;
		this.log = log;
		this.indexer = indexer;
	}

	/** Where the documents come from: the records kept in storage. */
	public interface Source {

		/** Every item as it stands. */
		Stream<IndexedDocument> contents();

		/** Every asset as it stands. */
		Stream<IndexedDocument> assets();

		/** One item as it stands, or empty when it was deleted. */
		Optional<IndexedDocument> content(String id);

		/**
		 * One item as it stands once the change the log holds at {@code version} is stored (finished here if the
		 * hub that logged it stopped first), or empty when it was deleted.
		 */
		Optional<IndexedDocument> content(String id, int version);

		/** The items of a pack as imported. */
		List<IndexedDocument> pack(String packId);

		/** One asset as it stands, or empty when it was deleted. */
		Optional<IndexedDocument> asset(String id);

		/**
		 * One asset as it stands once the change the log holds at {@code revision} is stored (finished here if the
		 * hub that logged it stopped first), or empty when it was deleted.
		 */
		Optional<IndexedDocument> asset(String id, int revision);

		/** The pack an imported item came in, if it did. */
		Optional<String> packOf(String id);

		/** The ids of the items a pack of {@code count} held, whether or not the pack is still stored. */
		List<String> packMembers(String packId, int count);
	}

	/**
	 * Builds new indices from the records as they stand when the log ends at entry {@code from}, with the feed
	 * positions the log gives up to there; then applies the entries written meanwhile, moves the aliases, and
	 * applies them once more through the aliases, for what the indexer sent to the old indices in between.
	 */
	public synchronized ReindexReport reindex(Source source) {
		long started = System.currentTimeMillis();
		if (!this.leases.hold(LEASE, SWITCH_WAIT.multipliedBy(2))) {
			throw new HubException(ErrorKind.CONFLICT, "index.rebuild-running");
		}
		try {
			long from = this.log.head();
			History history = history(from);
			Map<String, List<AssetUsage.Use>> uses = new java.util.concurrent.ConcurrentHashMap<>();
			String contentIndex = rebuild(this.names.content(), IndexNames.CONTENT, source.contents()
				.map(document -> positioned(document, history, source))
				.peek(document -> AssetUsage.Facts.of(document.fields()).used().forEach(asset -> uses
					.computeIfAbsent(asset, id -> java.util.Collections.synchronizedList(new ArrayList<>()))
					.add(AssetUsage.Use.of(document.fields())))), true, from);
			String assetIndex = rebuild(this.names.assets(), IndexNames.ASSETS, source.assets()
				.map(document -> new IndexedDocument(document.id(), AssetUsage.with(new HashMap<>(document.fields()),
						uses.getOrDefault(document.id(), List.of())))), false, from);
			long meanwhile = catchUp(from, contentIndex, assetIndex);
			// the hub following the log moves the aliases between two of its batches, so nothing it applies falls
			// between the old indices and the new
			this.indexer.switchTo(contentIndex, assetIndex, meanwhile, SWITCH_WAIT);
			long contentCount = this.client.count(c -> c.index(contentIndex)).count();
			long assetCount = this.client.count(c -> c.index(assetIndex)).count();
			ReindexReport report = new ReindexReport(contentIndex, contentCount, assetIndex, assetCount,
					System.currentTimeMillis() - started);
			logger.info("Reindexed from storage up to change " + from + ", then " + (meanwhile - from)
					+ " changes made meanwhile: " + report);
			return report;
		}
		catch (IOException | ElasticsearchException ex) {
			throw new IndexUnavailableException("Elasticsearch could not rebuild the index", ex);
		}
		finally {
			this.leases.release(LEASE);
		}
	}

	/** What the log says about feed positions up to an entry: each pack's entry, and each item's own entries. */
	private record History(Map<String, Change> packs, Map<String, List<Change>> items) {
	}

	private History history(long upTo) {
		Map<String, Change> packs = new HashMap<>();
		Map<String, List<Change>> items = new HashMap<>();
		long after = 0;
		while (after < upTo) {
			List<Change> changes = this.log.readAfter(after, (int) Math.min(1000, upTo - after));
			if (changes.isEmpty()) {
				break;
			}
			for (Change change : changes) {
				if (change.type() == ChangeType.PACK_IMPORTED) {
					packs.put(change.subject(), change);
				}
				else if (!change.type().aboutAsset() && change.type() != ChangeType.PACK_WITHDRAWN) {
					items.computeIfAbsent(change.subject(), id -> new ArrayList<>()).add(change);
				}
			}
			after = changes.get(changes.size() - 1).seq();
		}
		return new History(packs, items);
	}

	/*
	 * An item no entry speaks of was stored before the hub kept a log: if it is published, it stands at position
	 * 0 on its channels, before everything the log has seen.
	 */
	private static IndexedDocument positioned(IndexedDocument document, History history, Source source) {
		Map<String, Object> fields = new HashMap<>(document.fields());
		List<Change> own = history.items().getOrDefault(document.id(), List.of());
		Optional<Change> pack = source.packOf(document.id()).map(history.packs()::get);
		Map<String, Long> positions = pack.isPresent() ? FeedPositions.imported(pack.get(), fields)
				: own.isEmpty() ? FeedPositions.imported(Change.of(ChangeType.PACK_IMPORTED, "", 0, "hub"), fields)
						: Map.of();
		for (Change change : own) {
			positions = FeedPositions.after(positions, change);
		}
		FeedPositions.write(positions, fields);
		return new IndexedDocument(document.id(), fields);
	}

	/** Applies the entries after {@code from} to the indices; returns the last one applied. */
	private long catchUp(long from, String contentIndex, String assetIndex) {
		long after = from;
		while (true) {
			List<Change> changes = this.log.readAfter(after, 500);
			if (changes.isEmpty()) {
				this.indexer.refresh(contentIndex, assetIndex);
				return after;
			}
			this.indexer.apply(changes, contentIndex, assetIndex);
			after = changes.get(changes.size() - 1).seq();
		}
	}

	private String rebuild(String alias, String mapping, Stream<IndexedDocument> documents, boolean searchFields,
			long version) throws IOException {
		Set<String> existing = this.client.indices().get(g -> g.index(alias + "*").ignoreUnavailable(true).allowNoIndices(true))
			.result()
			.keySet();
		int next = existing.stream()
			.filter(name -> name.startsWith(alias + "-v"))
			.map(name -> name.substring((alias + "-v").length()))
			.filter(number -> number.matches("\\d+"))
			.map(Integer::valueOf)
			.max(Comparator.naturalOrder())
			.orElse(0) + 1;
		String index = this.names.versioned(alias, next);
		this.cluster.createIndex(index, mapping);
		List<IndexedDocument> batch = new ArrayList<>(BATCH);
		try (documents) {
			documents.forEach(document -> {
				batch.add(document);
				if (batch.size() == BATCH) {
					bulk(index, searchFields ? SearchFields.enrichAll(batch) : batch, version);
					batch.clear();
				}
			});
		}
		bulk(index, searchFields ? SearchFields.enrichAll(batch) : batch, version);
		this.client.indices().refresh(r -> r.index(index));
		return index;
	}

	private void bulk(String index, List<IndexedDocument> documents, long version) {
		if (documents.isEmpty()) {
			return;
		}
		BulkRequest.Builder request = new BulkRequest.Builder();
		for (IndexedDocument document : documents) {
			request.operations(op -> op.index(i -> i.index(index)
				.id(document.id())
				.document(document.fields())
				.version(version)
				.versionType(VersionType.External)));
		}
		try {
			BulkResponse response = this.client.bulk(request.build());
			if (response.errors()) {
				throw new IndexUnavailableException("Elasticsearch refused part of a bulk load into " + index, null);
			}
		}
		catch (IOException ex) {
			throw new IndexUnavailableException("Elasticsearch could not load " + index, ex);
		}
	}
}
