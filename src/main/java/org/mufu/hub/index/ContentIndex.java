package org.mufu.hub.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;

import org.springframework.stereotype.Component;

/**
 * Writes and reads the content and asset documents. Every write refreshes the index at once (rather than
 * waiting up to a second for the next scheduled refresh), so what a mutation stored is findable when it
 * returns; bulk loads go through {@link #putContents} and {@link Reindexer}.
 */
@Component
public class ContentIndex {

	private final ElasticsearchClient client;

	private final IndexNames names;

	ContentIndex(ElasticsearchClient client, IndexNames names) {
		this.client = client;
		this.names = names;
	}

	public void putContent(IndexedDocument document) {
		put(this.names.content(), new IndexedDocument(document.id(), SearchFields.enrich(document.fields())));
	}

	public void putAsset(IndexedDocument document) {
		put(this.names.assets(), document);
	}

	/**
	 * Many item documents in one bulk request, for loading an archive: not yet searchable, so that several bulks
	 * can run at once; {@link #refreshContents} makes them visible together.
	 */
	public void putContents(List<IndexedDocument> documents) {
		if (documents.isEmpty()) {
			return;
		}
		co.elastic.clients.elasticsearch.core.BulkRequest.Builder bulk = new co.elastic.clients.elasticsearch.core.BulkRequest.Builder();
		for (IndexedDocument document : SearchFields.enrichAll(documents)) {
			bulk.operations(op -> op.index(i -> i.index(this.names.content()).id(document.id()).document(document.fields())));
		}
		try {
			if (this.client.bulk(bulk.build()).errors()) {
				throw new IndexUnavailableException("Elasticsearch refused part of a bulk load", null);
			}
		}
		catch (IOException | ElasticsearchException ex) {
			throw unavailable("load " + documents.size() + " items", ex);
		}
	}

	/**
	 * Documents exactly as {@link #putContents} sends them, words and characters added (also what the benchmark
	 * loads straight into Elasticsearch as its baseline).
	 */
	public List<IndexedDocument> asLoaded(List<IndexedDocument> documents) {
		return SearchFields.enrichAll(documents);
	}

	/** Makes every item document loaded so far searchable. */
	public void refreshContents() {
		try {
			this.client.indices().refresh(r -> r.index(this.names.content()));
		}
		catch (IOException | ElasticsearchException ex) {
			throw unavailable("make loaded items searchable", ex);
		}
	}

	/** Removes many item documents in one bulk request. */
	public void deleteContents(List<String> ids) {
		for (int start = 0; start < ids.size(); start += 1000) {
			co.elastic.clients.elasticsearch.core.BulkRequest.Builder bulk = new co.elastic.clients.elasticsearch.core.BulkRequest.Builder()
				.refresh(Refresh.True);
			ids.subList(start, Math.min(ids.size(), start + 1000))
				.forEach(id -> bulk.operations(op -> op.delete(d -> d.index(this.names.content()).id(id))));
			try {
				this.client.bulk(bulk.build());
			}
			catch (IOException | ElasticsearchException ex) {
				throw unavailable("delete " + ids.size() + " items", ex);
			}
		}
	}

	public void deleteContent(String id) {
		delete(this.names.content(), id);
	}

	public void deleteAsset(String id) {
		delete(this.names.assets(), id);
	}

	/** The record version of an item as the index holds it, if it holds the item. */
	public java.util.Optional<Integer> indexedVersion(String id) {
		try {
			var response = this.client.get(g -> g.index(this.names.content()).id(id)
				.sourceIncludes(ContentFields.VERSION), Map.class);
			return response.found() && response.source() != null
					&& response.source().get(ContentFields.VERSION) instanceof Number n
					? java.util.Optional.of(n.intValue()) : java.util.Optional.empty();
		}
		catch (IOException | ElasticsearchException ex) {
			return java.util.Optional.empty();
		}
	}

	/** Ids of the items that use an asset, as cover, video, poster, inline image or promo asset. */
	public List<String> contentUsingAsset(String assetId) {
		return ids(this.names.content(),
				Query.of(q -> q.term(t -> t.field(ContentFields.USED_ASSET_IDS).value(assetId))), 1000);
	}

	/**
	 * Ids of items matching the filters, newest first; {@code owners} empty means every member, and
	 * {@code allianceVisible} also admits other members' ALLIANCE items.
	 */
	public List<String> findContent(ContentFilter filter, int size) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		if (filter.text() != null && !filter.text().isBlank()) {
			// the same text the archive search reads: summary, body, place, credits and tags are all in allText
			bool.must(m -> m.multiMatch(mm -> mm.query(filter.text())
				.fields(ContentFields.TITLE + "^3", ContentFields.ALL_TEXT)));
		}
		term(bool, ContentFields.OWNER, filter.owner());
		if (filter.status() != null) {
			// an item in review is also one whose changes to its published version are
			bool.filter(f -> f.bool(b -> b.should(s -> s.term(t -> t.field(ContentFields.STATUS).value(filter.status())))
				.should(s -> s.term(t -> t.field(ContentFields.PENDING_STATUS).value(filter.status())))
				.minimumShouldMatch("1")));
		}
		term(bool, ContentFields.KIND, filter.kind());
		if (filter.readerOrg() != null) {
			bool.filter(visibleTo(filter.readerOrg()));
		}
		return ids(this.names.content(), Query.of(q -> q.bool(bool.build())), size);
	}

	/**
	 * A page of a channel's feed in log order, by search_after on (position, id). An item's position is the log
	 * entry that made it visible on the channel, and no page reaches past the entries the index holds, so an item
	 * published while a client pages comes after every place the client has reached: it meets it exactly once.
	 */
	public <T> FeedPage<T> feed(FeedQuery query, Class<T> type) {
		try {
			var response = this.client.search(feedRequest(query), type);
			List<FeedPosition> entries = new java.util.ArrayList<>();
			List<T> documents = new java.util.ArrayList<>();
			for (var hit : response.hits().hits()) {
				entries.add(new FeedPosition(hit.sort().get(0).longValue(), hit.sort().get(1).stringValue()));
				documents.add(hit.source());
			}
			boolean more = entries.size() > query.size();
			int size = Math.min(entries.size(), query.size());
			return new FeedPage<>(entries.subList(0, size), documents.subList(0, size), more);
		}
		catch (IOException | ElasticsearchException ex) {
			throw unavailable("read the " + query.channel() + " feed", ex);
		}
	}

	/** The feed query exactly as Elasticsearch receives it (also what the benchmark sends straight to it). */
	public co.elastic.clients.elasticsearch.core.SearchRequest feedRequest(FeedQuery query) {
		BoolQuery.Builder bool = feedFilter(query);
		String position = FeedPositions.POSITIONS + "." + query.channel();
		return co.elastic.clients.elasticsearch.core.SearchRequest.of(s -> {
			s.index(this.names.content())
				.query(q -> q.bool(bool.build()))
				.size(query.size() + 1)
				.trackTotalHits(t -> t.enabled(false))
				// a channel no item has reached yet has no mapping for its position
				.sort(o -> o.field(f -> f.field(position).order(SortOrder.Asc)
					.unmappedType(co.elastic.clients.elasticsearch._types.mapping.FieldType.Long)))
				.sort(o -> o.field(f -> f.field(ContentFields.ID).order(SortOrder.Asc)));
			if (query.after() != null) {
				s.searchAfter(FieldValue.of(query.after().seq()), FieldValue.of(query.after().id()));
			}
			if (query.fields() != null) {
				s.source(src -> src.filter(f -> f.includes(query.fields())));
			}
			return s;
		});
	}

	/** Of the given items, those the feed in the query shows now, by id. */
	public <T> Map<String, T> inFeed(FeedQuery query, List<String> ids, Class<T> type) {
		Map<String, T> found = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		BoolQuery.Builder bool = feedFilter(query);
		bool.filter(f -> f.ids(i -> i.values(ids)));
		try {
			var response = this.client.search(s -> {
				s.index(this.names.content()).query(q -> q.bool(bool.build())).size(ids.size());
				if (query.fields() != null) {
					s.source(src -> src.filter(f -> f.includes(query.fields())));
				}
				return s;
			}, type);
			response.hits().hits().forEach(hit -> found.put(hit.id(), hit.source()));
			return found;
		}
		catch (IOException | ElasticsearchException ex) {
			throw unavailable("read the " + query.channel() + " feed", ex);
		}
	}

	/* What a feed shows: published items with a position on the channel, up to the checkpoint, for the reader. */
	private static BoolQuery.Builder feedFilter(FeedQuery query) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		String position = FeedPositions.POSITIONS + "." + query.channel();
		term(bool, ContentFields.STATUS, "PUBLISHED");
		term(bool, FeedPositions.FEED_CHANNELS, query.channel());
		term(bool, ContentFields.OWNER, query.owner());
		bool.filter(f -> f.range(r -> r.untyped(u -> u.field(position)
			.lte(co.elastic.clients.json.JsonData.of(query.upTo())))));
		if (query.topics() != null && !query.topics().isEmpty()) {
			bool.filter(f -> f.terms(t -> t.field(ContentFields.TOPICS)
				.terms(v -> v.value(query.topics().stream().map(FieldValue::of).toList()))));
		}
		if (query.readerOrg() != null) {
			bool.filter(visibleTo(query.readerOrg()));
		}
		return bool;
	}

	/** Ids of assets, newest first, optionally of one owner or with one SHA-256. */
	/** Whether the asset index holds an asset (as of its last refresh or later: a get is real-time). */
	public boolean hasAsset(String id) {
		try {
			return this.client.exists(e -> e.index(this.names.assets()).id(id)).value();
		}
		catch (IOException | ElasticsearchException ex) {
			throw unavailable("look up asset " + id, ex);
		}
	}

	public List<String> findAssets(String owner, String sha256, int size) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		term(bool, "owner", owner);
		term(bool, "sha256", sha256);
		return ids(this.names.assets(), Query.of(q -> q.bool(bool.build())), size);
	}

	/** Ids of pictures whose perceptual hash shares at least one band with the given ones. */
	public List<String> assetsSharingBands(List<String> bands, int size) {
		return ids(this.names.assets(), Query.of(q -> q.terms(t -> t.field("phashBands")
			.terms(v -> v.value(bands.stream().map(FieldValue::of).toList())))), size);
	}

	/** What a member's staff and channel apps may see: their own member's items and every ALLIANCE item. */
	public static Query visibleTo(String org) {
		return Query.of(f -> f.bool(b -> b.should(s -> s.term(t -> t.field("owner").value(org)))
			.should(s -> s.term(t -> t.field("visibility").value("ALLIANCE")))
			.minimumShouldMatch("1")));
	}

	public long countAssets() {
		return count(this.names.assets());
	}

	private static void term(BoolQuery.Builder bool, String field, String value) {
		if (value != null) {
			bool.filter(f -> f.term(t -> t.field(field).value(FieldValue.of(value))));
		}
	}

	private List<String> ids(String index, Query query, int size) {
		try {
			return this.client.search(s -> s.index(index)
				.query(query)
				.size(size)
				.source(src -> src.fetch(false))
				.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
				.sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc))), Map.class)
				.hits()
				.hits()
				.stream()
				.map(Hit::id)
				.toList();
		}
		catch (IOException | ElasticsearchException ex) {
			throw unavailable("search " + index, ex);
		}
	}

	private long count(String index) {
		try {
			return this.client.count(c -> c.index(index)).count();
		}
		catch (IOException | ElasticsearchException ex) {
			throw unavailable("count " + index, ex);
		}
	}

	private void put(String index, IndexedDocument document) {
		try {
			this.client.index(i -> i.index(index).id(document.id()).document(document.fields()).refresh(Refresh.True));
		}
		catch (IOException | ElasticsearchException ex) {
			throw unavailable("index " + document.id(), ex);
		}
	}

	private void delete(String index, String id) {
		try {
			this.client.delete(d -> d.index(index).id(id).refresh(Refresh.True));
		}
		catch (IOException | ElasticsearchException ex) {
			throw unavailable("delete " + id, ex);
		}
	}

	private static IndexUnavailableException unavailable(String what, Exception cause) {
		return new IndexUnavailableException("Elasticsearch could not " + what, cause);
	}
}
