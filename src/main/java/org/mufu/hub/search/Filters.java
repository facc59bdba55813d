package org.mufu.hub.search;

import java.util.List;
import java.util.Locale;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import org.mufu.hub.HubException;
import org.mufu.hub.index.ContentFields;

/** Turns an editor's filter into Elasticsearch filter clauses on the content index; asset search shares its parts. */
final class Filters {

	/**
	 * How long a shard may work on one search before it answers with what it found so far. The client's socket
	 * timeout (10 s) closes the connection of a search that takes longer still, and Elasticsearch cancels a search
	 * whose connection is closed: no search outlives the request that asked for it.
	 */
	static final String ENGINE_TIMEOUT = "5s";


	private Filters() {
	}

	static void apply(BoolQuery.Builder bool, SearchFilter filter, Gazetteer gazetteer) {
		terms(bool, ContentFields.KIND, filter.kinds());
		terms(bool, ContentFields.OWNER, filter.owners());
		terms(bool, ContentFields.STATUS, filter.statuses());
		terms(bool, ContentFields.TAGS, filter.tags());
		terms(bool, ContentFields.TOPICS, filter.topics());
		term(bool, ContentFields.VISIBILITY, filter.visibility());
		range(bool, ContentFields.CREATED_AT, filter.created());
		range(bool, ContentFields.PUBLISH_AT, filter.published());
		range(bool, ContentFields.CAPTURED_AT, filter.captured());
		exists(bool, ContentFields.GEO, filter.hasGps());
		if (filter.near() != null) {
			near(bool, ContentFields.GEO, filter.near(), gazetteer);
		}
		term(bool, ContentFields.ORIENTATION,
				filter.orientation() != null ? filter.orientation().toUpperCase(Locale.ROOT) : null);
		atLeast(bool, ContentFields.COVER_WIDTH, filter.minWidth());
		atLeast(bool, ContentFields.COVER_HEIGHT, filter.minHeight());
		between(bool, ContentFields.DURATION_SECONDS, filter.minDuration(), filter.maxDuration());
		term(bool, ContentFields.READY_CHANNELS,
				filter.readyFor() != null ? filter.readyFor().toUpperCase(Locale.ROOT) : null);
		// an item, or the changes to a live one, waits for review from its submission until an editor acts
		exists(bool, ContentFields.SUBMITTED_AT, filter.inReview());
	}

	/** The field is there (true) or not (false); null asks nothing. */
	static void exists(BoolQuery.Builder bool, String field, Boolean present) {
		if (present == null) {
			return;
		}
		if (present) {
			bool.filter(f -> f.exists(e -> e.field(field)));
		}
		else {
			bool.mustNot(m -> m.exists(e -> e.field(field)));
		}
	}

	static void term(BoolQuery.Builder bool, String field, String value) {
		if (value != null) {
			bool.filter(f -> f.term(t -> t.field(field).value(value)));
		}
	}

	static void between(BoolQuery.Builder bool, String field, Double min, Double max) {
		if (min == null && max == null) {
			return;
		}
		bool.filter(f -> f.range(r -> r.number(n -> {
			n.field(field);
			if (min != null) {
				n.gte(min);
			}
			if (max != null) {
				n.lte(max);
			}
			return n;
		})));
	}

	/** Only documents whose field is at least the value; a negative minimum is a client's mistake. */
	static void atLeast(BoolQuery.Builder bool, String field, Integer value) {
		if (value != null) {
			if (value < 0) {
				throw HubException.badRequest("search.negative-minimum-size");
			}
			bool.filter(f -> f.range(r -> r.number(n -> n.field(field).gte(value.doubleValue()))));
		}
	}

	static void near(BoolQuery.Builder bool, String field, SearchFilter.Near near, Gazetteer gazetteer) {
		double latitude;
		double longitude;
		if (near.place() != null) {
			Gazetteer.Place place = gazetteer.find(near.place())
				.orElseThrow(() -> HubException.badRequest("search.unknown-place", near.place(),
						String.join("、", gazetteer.all().stream().map(Gazetteer.Place::name).toList())));
			latitude = place.latitude();
			longitude = place.longitude();
		}
		else if (near.latitude() != null && near.longitude() != null) {
			latitude = near.latitude();
			longitude = near.longitude();
		}
		else {
			throw HubException.badRequest("search.near-without-place");
		}
		if (near.km() <= 0) {
			throw HubException.badRequest("search.near-without-distance");
		}
		bool.filter(f -> f.geoDistance(g -> g.field(field)
			.distance(near.km() + "km")
			.location(l -> l.latlon(ll -> ll.lat(latitude).lon(longitude)))));
	}

	static void terms(BoolQuery.Builder bool, String field, List<String> values) {
		if (values != null && !values.isEmpty()) {
			bool.filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
		}
	}

	static void range(BoolQuery.Builder bool, String field, SearchFilter.DateRange range) {
		if (range == null || (range.from() == null && range.to() == null)) {
			return;
		}
		bool.filter(f -> f.range(r -> r.date(d -> {
			d.field(field);
			if (range.from() != null) {
				d.gte(range.from().toInstant().toString());
			}
			if (range.to() != null) {
				d.lte(range.to().toInstant().toString());
			}
			return d;
		})));
	}
}
