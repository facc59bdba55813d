package org.mufu.hub.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mufu.hub.HubException;
import org.mufu.hub.content.Asset;
import org.mufu.hub.index.AssetFields;
import org.mufu.hub.index.ChineseSegmenter;
import org.mufu.hub.index.IndexNames;
import org.mufu.hub.index.IndexUnavailableException;

import org.springframework.stereotype.Component;

/**
 * The picture desk's question: photos, posters, clips and documents by what their captions, titles, keywords,
 * creators, file names and places say (cut into words as item search cuts them), narrowed by filters, with
 * facets of all matches. Pages follow the sort values of the last hit.
 */
@Component
class AssetSearch {

	/** How the hits are ordered; relevance when there are words, else newest uploaded. */
	enum Sort {
		RELEVANCE, NEWEST_TAKEN, NEWEST_UPLOADED, LARGEST
	}

	private static final List<String> TERM_FACETS = List.of(AssetFields.OWNER, AssetFields.TYPE, AssetFields.ASPECT,
			AssetFields.PLACE, AssetFields.CAMERA_MAKE, AssetFields.USED_STATUS);

	/* the terms facets, then the dates by year and month */
	private static final List<String> FACETS = java.util.stream.Stream
		.concat(TERM_FACETS.stream(), java.util.stream.Stream.of("year", "month"))
		.toList();

	/* an asset must have the words asked for; one in four may be missing from longer queries */
	private static final String WORDS_REQUIRED = "3<75%";

	private final ElasticsearchClient client;

	private final IndexNames names;

	private final Gazetteer gazetteer;

	private final ObjectMapper json;

	AssetSearch(ElasticsearchClient client, IndexNames names, Gazetteer gazetteer, ObjectMapper json) {
		this.client = client;
		this.names = names;
		this.gazetteer = gazetteer;
		this.json = json;
	}

	/** One page of matching assets an editor may see; {@code readerOrg} limits an uploader to its member's. */
	AssetResult search(String text, AssetFilter filter, Sort sort, int first, String after, String readerOrg) {
		ContentSearch.Cursor cursor = ContentSearch.Cursor.decode(after, this.json);
		SearchRequest.Builder request = new SearchRequest.Builder().index(this.names.assets())
			.query(query(text, filter != null ? filter : AssetFilter.none(), readerOrg))
			.timeout(Filters.ENGINE_TIMEOUT)
			.size(first)
			.trackTotalHits(t -> t.enabled(true))
			.highlight(h -> h.preTags("<em>").postTags("</em>").encoder(HighlighterEncoder.Html).fragmentSize(80)
				.numberOfFragments(2).fields(AssetFields.ALL_TEXT, f -> f));
		sort(request, sort != null ? sort : (text == null || text.isBlank() ? Sort.NEWEST_UPLOADED : Sort.RELEVANCE));
		facets(request);
		if (cursor != null) {
			request.searchAfter(cursor.sortValues());
		}
		try {
			SearchResponse<Map> response = this.client.search(request.build(), Map.class);
			long read = cursor != null ? cursor.read() : 0;
			List<AssetResult.Hit> hits = new ArrayList<>();
			for (var hit : response.hits().hits()) {
				read++;
				List<SearchResult.Highlight> highlights = new ArrayList<>();
				hit.highlight().forEach((field, fragments) -> highlights.add(new SearchResult.Highlight("text",
						fragments.stream().map(fragment -> fragment.replace("</em><em>", "")).toList())));
				Asset asset = this.json.convertValue(hit.source(), Asset.class);
				hits.add(new AssetResult.Hit(new ContentSearch.Cursor(null, hit.sort(), read).encode(this.json),
						hit.score() != null && !hit.score().isNaN() ? hit.score() : 0, highlights, asset));
			}
			long total = response.hits().total() != null ? response.hits().total().value() : hits.size();
			String end = hits.isEmpty() ? after : hits.get(hits.size() - 1).cursor();
			return new AssetResult(total, hits, Facets.read(response.aggregations(), FACETS), !hits.isEmpty() && read < total, end);
		}
		catch (IOException | ElasticsearchException ex) {
			if (ex instanceof ElasticsearchException refused && refused.status() == 400 && cursor != null) {
				throw HubException.badRequest("search.foreign-cursor");
			}
			throw new IndexUnavailableException("Elasticsearch could not search the asset archive", ex);
		}
	}

	private Query query(String text, AssetFilter filter, String readerOrg) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		if (text != null && !text.isBlank()) {
			words(bool, text);
		}
		if (readerOrg != null) {
			// another member's files only while they are shared (see AccessPolicy.mayUse)
			bool.filter(f -> f.bool(b -> b.should(s -> s.term(t -> t.field(AssetFields.OWNER).value(readerOrg)))
				.should(s -> s.term(t -> t.field(AssetFields.SHARED).value(true)))
				.minimumShouldMatch("1")));
		}
		usage(bool, filter);
		file(bool, filter);
		return Query.of(q -> q.bool(bool.build()));
	}

	/* Every word asked for (a few may be missing from long queries) or the words as typed; each word marked. */
	private static void words(BoolQuery.Builder bool, String text) {
		String words = ChineseSegmenter.segmentQuery(text);
		bool.must(m -> m.bool(b -> b
			.should(s -> s.match(mm -> mm.field(AssetFields.TEXT_SEG).query(words).minimumShouldMatch(WORDS_REQUIRED)))
			.should(s -> s.matchPhrase(p -> p.field(AssetFields.ALL_TEXT).query(text).boost(2f)))
			.minimumShouldMatch("1")));
		BoolQuery.Builder marks = new BoolQuery.Builder();
		for (String word : words.split(" ")) {
			if (!word.isBlank()) {
				marks.should(s -> s.matchPhrase(p -> p.field(AssetFields.ALL_TEXT).query(word)));
			}
		}
		bool.should(s -> s.bool(marks.build()));
	}

	/* What the items using it say: used at all, by a published item, by items of a visibility; shared. */
	private static void usage(BoolQuery.Builder bool, AssetFilter filter) {
		Filters.exists(bool, AssetFields.USED_BY, filter.used());
		if (filter.usedByPublished() != null) {
			Query published = Query.of(q -> q.term(t -> t.field(AssetFields.USED_STATUS).value("PUBLISHED")));
			if (filter.usedByPublished()) {
				bool.filter(published);
			}
			else {
				bool.mustNot(published);
			}
		}
		Filters.term(bool, AssetFields.USED_VISIBILITY, filter.usedVisibility());
		if (filter.shared() != null) {
			bool.filter(f -> f.term(t -> t.field(AssetFields.SHARED).value(filter.shared())));
		}
	}

	/* What the file is: its type, owner, keywords, place, time, shape, size, duration, colours and camera. */
	private void file(BoolQuery.Builder bool, AssetFilter filter) {
		Filters.terms(bool, AssetFields.TYPE, upper(filter.types()));
		Filters.terms(bool, AssetFields.OWNER, filter.owners());
		Filters.terms(bool, AssetFields.PLACE, filter.places());
		Filters.terms(bool, AssetFields.KEYWORDS, filter.keywords());
		Filters.range(bool, AssetFields.TAKEN_AT, filter.taken());
		Filters.exists(bool, AssetFields.GEO, filter.hasGps());
		if (filter.near() != null) {
			Filters.near(bool, AssetFields.GEO, filter.near(), this.gazetteer);
		}
		Filters.term(bool, AssetFields.ASPECT,
				filter.orientation() != null ? filter.orientation().toUpperCase(Locale.ROOT) : null);
		Filters.atLeast(bool, AssetFields.DISPLAY_WIDTH, filter.minWidth());
		Filters.atLeast(bool, AssetFields.DISPLAY_HEIGHT, filter.minHeight());
		Filters.between(bool, AssetFields.DURATION_SECONDS, filter.minDuration(), filter.maxDuration());
		Filters.term(bool, AssetFields.COLOR_SPACE, filter.colorSpace());
		Filters.term(bool, AssetFields.CAMERA_MAKE, filter.cameraMake());
	}

	private static List<String> upper(List<String> values) {
		return values == null ? null : values.stream().map(value -> value.toUpperCase(Locale.ROOT)).toList();
	}

	private static void sort(SearchRequest.Builder request, Sort sort) {
		switch (sort) {
			case RELEVANCE -> request.sort(o -> o.score(s -> s.order(SortOrder.Desc)));
			case NEWEST_TAKEN -> request.sort(o -> o.field(f -> f.field(AssetFields.TAKEN_AT).order(SortOrder.Desc)
				.missing("_last")));
			case NEWEST_UPLOADED -> request.sort(o -> o.field(f -> f.field(AssetFields.CREATED_AT).order(SortOrder.Desc)));
			case LARGEST -> request.sort(o -> o.field(f -> f.field(AssetFields.PIXELS).order(SortOrder.Desc)
				.missing("_last"))).sort(o -> o.field(f -> f.field(AssetFields.BYTE_SIZE).order(SortOrder.Desc)));
		}
		// the id breaks ties, so pages never overlap
		request.sort(o -> o.field(f -> f.field(AssetFields.ID).order(SortOrder.Asc)));
	}

	private static void facets(SearchRequest.Builder request) {
		for (String facet : TERM_FACETS) {
			request.aggregations(facet, Aggregation.of(a -> a.terms(t -> t.field(facet).size(30))));
		}
		request.aggregations("year", Aggregation.of(a -> a.dateHistogram(d -> d.field(AssetFields.TAKEN_AT)
			.calendarInterval(CalendarInterval.Year).format("yyyy").minDocCount(1))));
		request.aggregations("month", Aggregation.of(a -> a.dateHistogram(d -> d.field(AssetFields.TAKEN_AT)
			.calendarInterval(CalendarInterval.Month).format("yyyy-MM").minDocCount(1))));
	}
}
