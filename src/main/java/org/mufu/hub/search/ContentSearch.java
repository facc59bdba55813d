package org.mufu.hub.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mufu.hub.HubException;
import org.mufu.hub.content.ContentItem;
import org.mufu.hub.index.ContentFields;
import org.mufu.hub.index.ChineseSegmenter;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.index.IndexNames;
import org.mufu.hub.index.IndexUnavailableException;

import org.springframework.stereotype.Component;

/**
 * The archive search over content items in Elasticsearch: words (smartcn) and characters, filters, facets,
 * highlights, and paging by search_after (inside a point in time from the second page on), so the 10,001st hit is
 * as reachable as the first.
 */
@Component
class ContentSearch {

	enum Mode {
		/** Words cut by the segmenter, with the characters as a phrase for recall. */
		SEGMENTED,
		/** Single characters only: what Elasticsearch's standard analyser gives, the baseline. */
		CHARACTERS
	}

	enum Sort {
		RELEVANCE, NEWEST, OLDEST, RECENTLY_PUBLISHED,
		/** Longest waiting for review first: by when the item, or the changes to it, were submitted. */
		SUBMITTED
	}

	private static final String KEEP_ALIVE = "5m";

	/** How many points in time one caller may hold open on this hub for paging. */
	static final int POINTS_IN_TIME_PER_CALLER = 5;

	private static final String WORDS_REQUIRED = "-25%";

	private static final List<String> TERM_FACETS = List.of(ContentFields.OWNER, ContentFields.KIND,
			ContentFields.STATUS, ContentFields.TAGS, ContentFields.TOPICS, ContentFields.ORIENTATION,
			ContentFields.READY_CHANNELS);

	/* the terms facets, then the dates by year */
	private static final List<String> FACETS = java.util.stream.Stream
		.concat(TERM_FACETS.stream(), java.util.stream.Stream.of("year"))
		.toList();

	private final ElasticsearchClient client;

	private final IndexNames names;

	private final Gazetteer gazetteer;

	private final ObjectMapper json;

	private final PointsInTime pointsInTime = new PointsInTime(POINTS_IN_TIME_PER_CALLER, java.time.Duration.ofMinutes(5));

	ContentSearch(ElasticsearchClient client, IndexNames names, Gazetteer gazetteer, ObjectMapper json) {
		this.client = client;
		this.names = names;
		this.gazetteer = gazetteer;
		this.json = json;
	}

	/** A page of the search; {@code holder} names the caller, whose open points in time are counted. */
	SearchResult search(String text, SearchFilter filter, Sort sort, int first, String after, String readerOrg,
			Mode mode, String holder) {
		Cursor cursor = Cursor.decode(after, this.json);
		try {
			SearchRequest.Builder request;
			String pit = null;
			if (cursor == null) {
				request = firstPage(text, filter, sort, first, readerOrg, mode);
			}
			else {
				String id = cursor.pit() != null ? cursor.pit() : openPointInTime(holder);
				pit = id;
				request = body(text, filter, sort, first, readerOrg, mode)
					.pit(p -> p.id(id).keepAlive(k -> k.time(KEEP_ALIVE)))
					.searchAfter(cursor.sortValues());
			}
			SearchResponse<ContentItem> response = this.client.search(request.build(), ContentItem.class);
			String nextPit = response.pitId() != null ? response.pitId() : pit;
			long readBefore = cursor != null ? cursor.read() : 0;
			List<SearchResult.Hit> hits = hits(response, nextPit, readBefore);
			long read = readBefore + hits.size();
			long total = response.hits().total() != null ? response.hits().total().value() : hits.size();
			String end = hits.isEmpty() ? after : hits.get(hits.size() - 1).cursor();
			// the hits read so far travel in the cursor, so the last full page says there is no next one
			return new SearchResult(total, hits, Facets.read(response.aggregations(), FACETS), !hits.isEmpty() && read < total, end);
		}
		catch (IOException | ElasticsearchException ex) {
			if (ex instanceof ElasticsearchException es && es.status() == 404 && cursor != null && cursor.pit() != null) {
				throw HubException.badRequest("search.results-expired");
			}
			if (ex instanceof ElasticsearchException es && es.status() == 400 && cursor != null) {
				// a cursor that decodes but does not fit this search (another sort, an edited list id)
				throw HubException.badRequest("search.foreign-cursor");
			}
			throw new IndexUnavailableException("Elasticsearch could not search the archive", ex);
		}
	}

	/* The page's hits, each with its highlights and a cursor carrying how many hits have been read so far. */
	private List<SearchResult.Hit> hits(SearchResponse<ContentItem> response, String pit, long readBefore) {
		List<SearchResult.Hit> hits = new ArrayList<>();
		long read = readBefore;
		for (var hit : response.hits().hits()) {
			read++;
			List<SearchResult.Highlight> highlights = new ArrayList<>();
			hit.highlight().forEach((field, fragments) -> highlights.add(new SearchResult.Highlight(
					field.equals(ContentFields.ALL_TEXT) ? "text" : field, fragments.stream().map(ContentSearch::joinMarks).toList())));
			hits.add(new SearchResult.Hit(hit.id(), new Cursor(pit, hit.sort(), read).encode(this.json),
					hit.score() != null ? hit.score() : 0, highlights, hit.source()));
		}
		return hits;
	}

	/**
	 * A point in time for the pages after the first: most searches end on their first page, so only paging opens
	 * one (each held open pins the index's old segments for five minutes, and opening it cost a fifth of the
	 * engine's work for a search). The first page is read from the index as it stands and pages on from the
	 * point in time with the same sort values; the hub's unique id breaks ties, so no item shows twice unless the
	 * archive changed between the first page and the second.
	 */
	private String openPointInTime(String holder) throws IOException {
		String id = this.client.openPointInTime(p -> p.index(this.names.content()).keepAlive(k -> k.time(KEEP_ALIVE)))
			.id();
		Optional<String> surplus = this.pointsInTime.opened(holder, id);
		if (surplus.isPresent()) {
			try {
				this.client.closePointInTime(c -> c.id(surplus.get()));
			}
			catch (IOException | ElasticsearchException ex) {
				// it expires by itself within KEEP_ALIVE
			}
		}
		return id;
	}

	/** How many points in time the caller holds open on this hub. */
	int pointsInTimeHeld(String holder) {
		return this.pointsInTime.held(holder);
	}

	/** A first page as Elasticsearch receives it: read from the index itself, no point in time. */
	SearchRequest.Builder firstPage(String text, SearchFilter filter, Sort sort, int first, String readerOrg,
			Mode mode) {
		return body(text, filter, sort, first, readerOrg, mode).index(this.names.content());
	}

	/** The search without index or point in time: query, sort, highlights, facets. */
	private SearchRequest.Builder body(String text, SearchFilter filter, Sort sort, int first, String readerOrg,
			Mode mode) {
		SearchRequest.Builder request = new SearchRequest.Builder().query(query(text, filter, readerOrg, mode))
			.timeout(Filters.ENGINE_TIMEOUT)
			.size(first)
			.trackTotalHits(t -> t.enabled(true))
			.highlight(h -> {
				// fragments are HTML: the text in them is escaped, so a title such as "<img onerror=…>" shows as typed
				h.preTags("<em>")
					.postTags("</em>")
					.encoder(HighlighterEncoder.Html)
					.fragmentSize(80)
					.numberOfFragments(2)
					.fields(ContentFields.TITLE, f -> f.numberOfFragments(0))
					.fields(ContentFields.ALL_TEXT, f -> f);
				if (mode == Mode.SEGMENTED && text != null && !text.isBlank()) {
					// the words are matched in fields the highlighter cannot mark, so it is given what can mark
					// title and text: the phrase, and each word as a phrase of its own
					h.highlightQuery(marks(text));
				}
				return h;
			});
		sort(request, text, sort);
		for (String facet : TERM_FACETS) {
			request.aggregations(facet, Aggregation.of(a -> a.terms(t -> t.field(facet).size(30))));
		}
		request.aggregations("year", Aggregation.of(a -> a.dateHistogram(d -> d.field(ContentFields.CREATED_AT)
			.calendarInterval(CalendarInterval.Year).format("yyyy").minDocCount(1))));
		return request;
	}

	private Query query(String text, SearchFilter filter, String readerOrg, Mode mode) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		if (text != null && !text.isBlank()) {
			if (mode == Mode.CHARACTERS) {
				bool.must(m -> m.multiMatch(mm -> mm.query(text)
					.fields(ContentFields.TITLE + "^2", ContentFields.ALL_TEXT)));
			}
			else {
				String words = ChineseSegmenter.segmentQuery(text);
				bool.must(m -> m.bool(b -> b
					// every word counts once across title and text, so the place named in the body still weighs;
					// an item must have the words asked for (one in four may be missing from longer queries):
					// "黄袍山杜鹃" finds azaleas on Huangpao Mountain, not every item that names either
					.should(s -> s.multiMatch(mm -> mm.query(words)
						.fields(ContentFields.TITLE_SEG + "^2", ContentFields.TEXT_SEG)
						.type(TextQueryType.CrossFields).minimumShouldMatch(WORDS_REQUIRED)))
					.should(phrase(text))
					.minimumShouldMatch("1")));
			}
		}
		Filters.apply(bool, filter != null ? filter : SearchFilter.none(), this.gazetteer);
		if (readerOrg != null) {
			bool.filter(ContentIndex.visibleTo(readerOrg));
		}
		return Query.of(q -> q.bool(bool.build()));
	}

	/**
	 * What marks a hit: the words as typed, in a row, and each word of the query where it stands alone, so an item
	 * found by its words (幕阜山 … 雾凇 for 幕阜山雾凇) shows where they are. Single characters mark only within
	 * the phrase; alone they would mark every 山.
	 */
	private static Query marks(String text) {
		BoolQuery.Builder marks = new BoolQuery.Builder().should(phrase(text));
		for (String word : ChineseSegmenter.segmentQuery(text).split(" ")) {
			if (word.length() > 1 && !word.equals(text)) {
				marks.should(s -> s.multiMatch(mm -> mm.query(word)
					.fields(ContentFields.TITLE, ContentFields.ALL_TEXT)
					.type(TextQueryType.Phrase)));
			}
		}
		return Query.of(q -> q.bool(marks.build()));
	}

	/** The words as typed, character by character, in a row. */
	private static Query phrase(String text) {
		return Query.of(q -> q.multiMatch(mm -> mm.query(text)
			.fields(ContentFields.TITLE + "^2", ContentFields.ALL_TEXT)
			.type(TextQueryType.Phrase)
			.boost(2f)));
	}

	private static void sort(SearchRequest.Builder request, String text, Sort sort) {
		Sort effective = sort != null ? sort : (text == null || text.isBlank() ? Sort.NEWEST : Sort.RELEVANCE);
		switch (effective) {
			case RELEVANCE -> request.sort(o -> o.score(s -> s.order(SortOrder.Desc)));
			case NEWEST -> request.sort(o -> o.field(f -> f.field(ContentFields.CREATED_AT).order(SortOrder.Desc)));
			case OLDEST -> request.sort(o -> o.field(f -> f.field(ContentFields.CREATED_AT).order(SortOrder.Asc)));
			case RECENTLY_PUBLISHED ->
				request.sort(o -> o.field(f -> f.field(ContentFields.PUBLISH_AT).order(SortOrder.Desc)));
			case SUBMITTED -> request.sort(o -> o.field(f -> f.field(ContentFields.SUBMITTED_AT).order(SortOrder.Asc)
				.missing("_last")));
		}
		// the id breaks ties, inside a point in time or not, so pages never overlap
		request.sort(o -> o.field(f -> f.field(ContentFields.ID).order(SortOrder.Asc)));
	}

	/** Per-character marks from the character field, merged: 黄袍山 rather than 黄 袍 山 marked one by one. */
	private static String joinMarks(String fragment) {
		return fragment.replace("</em><em>", "");
	}

	/**
	 * Where a page ends: the sort values of its last hit, how many hits have been read up to it, and the point in
	 * time after the first page.
	 */
	record Cursor(String pit, List<FieldValue> sortValues, long read) {

		String encode(ObjectMapper json) {
			ObjectNode node = json.createObjectNode();
			if (this.pit != null) {
				node.put("pit", this.pit);
			}
			node.put("read", this.read);
			ArrayNode values = node.putArray("after");
			for (FieldValue value : this.sortValues) {
				if (value.isDouble()) {
					values.add(value.doubleValue());
				}
				else if (value.isLong()) {
					values.add(value.longValue());
				}
				else {
					values.add(value._toJsonString());
				}
			}
			return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String cursor, ObjectMapper json) {
			if (cursor == null || cursor.isBlank()) {
				return null;
			}
			try {
				JsonNode node = json.readTree(Base64.getUrlDecoder().decode(cursor));
				List<FieldValue> values = new ArrayList<>();
				for (JsonNode value : node.path("after")) {
					values.add(value.isDouble() ? FieldValue.of(value.doubleValue())
							: value.isIntegralNumber() ? FieldValue.of(value.longValue()) : FieldValue.of(value.asText()));
				}
				return new Cursor(node.hasNonNull("pit") ? node.get("pit").asText() : null, values,
						node.path("read").asLong());
			}
			catch (IOException | IllegalArgumentException ex) {
				throw HubException.badRequest("search.foreign-cursor");
			}
		}
	}
}
