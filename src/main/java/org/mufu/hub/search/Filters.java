package org.mufu.hub.search;

import java.util.List;
import java.util.Locale;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import org.mufu.hub.HubException;
import org.mufu.hub.index.ContentFields;

/** Turns an editor's filter into Elasticsearch filter clauses on the content index; asset search shares its parts. */
final class Filters {

	private Filters() {
	}

	static void apply(BoolQuery.Builder bool, SearchFilter filter, Gazetteer gazetteer) {
		terms(bool, ContentFields.KIND, filter.kinds());
		terms(bool, ContentFields.OWNER, filter.owners());
		terms(bool, ContentFields.STATUS, filter.statuses());
		terms(bool, ContentFields.TAGS, filter.tags());
		terms(bool, ContentFields.TOPICS, filter.topics());
		if (filter.visibility() != null) {
			bool.filter(f -> f.term(t -> t.field(ContentFields.VISIBILITY).value(filter.visibility())));
		}
		range(bool, ContentFields.CREATED_AT, filter.created());
		range(bool, ContentFields.PUBLISH_AT, filter.published());
		range(bool, ContentFields.CAPTURED_AT, filter.captured());
		if (filter.hasGps() != null) {
			if (filter.hasGps()) {
				bool.filter(f -> f.exists(e -> e.field(ContentFields.GEO)));
			}
			else {
				bool.mustNot(m -> m.exists(e -> e.field(ContentFields.GEO)));
			}
		}
		if (filter.near() != null) {
			near(bool, ContentFields.GEO, filter.near(), gazetteer);
		}
		if (filter.orientation() != null) {
			bool.filter(f -> f.term(t -> t.field(ContentFields.ORIENTATION)
				.value(filter.orientation().toUpperCase(Locale.ROOT))));
		}
		if (filter.minWidth() != null) {
			bool.filter(f -> f.range(r -> r.number(n -> n.field(ContentFields.COVER_WIDTH)
				.gte(filter.minWidth().doubleValue()))));
		}
		if (filter.minHeight() != null) {
			bool.filter(f -> f.range(r -> r.number(n -> n.field(ContentFields.COVER_HEIGHT)
				.gte(filter.minHeight().doubleValue()))));
		}
		if (filter.minDuration() != null || filter.maxDuration() != null) {
			bool.filter(f -> f.range(r -> r.number(n -> {
				n.field(ContentFields.DURATION_SECONDS);
				if (filter.minDuration() != null) {
					n.gte(filter.minDuration());
				}
				if (filter.maxDuration() != null) {
					n.lte(filter.maxDuration());
				}
				return n;
			})));
		}
		if (filter.readyFor() != null) {
			bool.filter(f -> f.term(t -> t.field(ContentFields.READY_CHANNELS)
				.value(filter.readyFor().toUpperCase(Locale.ROOT))));
		}
	}

	static void near(BoolQuery.Builder bool, String field, SearchFilter.Near near, Gazetteer gazetteer) {
		double latitude;
		double longitude;
		if (near.place() != null) {
			Gazetteer.Place place = gazetteer.find(near.place())
				.orElseThrow(() -> HubException.badRequest("\"" + near.place() + "\" is not in the gazetteer; places are "
						+ String.join("、", gazetteer.all().stream().map(Gazetteer.Place::name).toList()) + "."));
			latitude = place.latitude();
			longitude = place.longitude();
		}
		else if (near.latitude() != null && near.longitude() != null) {
			latitude = near.latitude();
			longitude = near.longitude();
		}
		else {
			throw HubException.badRequest("near needs a place from the gazetteer, or a latitude and a longitude.");
		}
		if (near.km() <= 0) {
			throw HubException.badRequest("near needs a distance in km above 0.");
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
