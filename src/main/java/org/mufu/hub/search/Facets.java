package org.mufu.hub.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;

/** Reads a search's facets from Elasticsearch's aggregations: terms by value, dates by their formatted key. */
final class Facets {

	private Facets() {
	}

	/** The facets of the given names, in that order; one Elasticsearch did not answer is left out. */
	static List<SearchResult.Facet> read(Map<String, Aggregate> aggregations, List<String> names) {
		List<SearchResult.Facet> facets = new ArrayList<>();
		for (String name : names) {
			Aggregate aggregate = aggregations.get(name);
			if (aggregate != null && aggregate.isSterms()) {
				facets.add(new SearchResult.Facet(name, aggregate.sterms().buckets().array().stream()
					.map(b -> new SearchResult.Bucket(b.key().stringValue(), b.docCount()))
					.toList()));
			}
			else if (aggregate != null && aggregate.isDateHistogram()) {
				facets.add(new SearchResult.Facet(name, aggregate.dateHistogram().buckets().array().stream()
					.map(b -> new SearchResult.Bucket(b.keyAsString(), b.docCount()))
					.toList()));
			}
		}
		return facets;
	}
}
