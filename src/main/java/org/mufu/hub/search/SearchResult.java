package org.mufu.hub.search;

import java.util.List;

import org.mufu.hub.content.ContentItem;

/** One page of search hits with the total, the facets of all matching items, and where the next page starts. */
public record SearchResult(long totalCount, List<Hit> hits, List<Facet> facets, boolean hasNextPage,
		String endCursor) {

	/** A matching item, its relevance and the fragments that matched, marked with {@code <em>}. */
	public record Hit(String id, String cursor, double score, List<Highlight> highlights, ContentItem node) {
	}

	public record Highlight(String field, List<String> fragments) {
	}

	public record Facet(String name, List<Bucket> buckets) {
	}

	public record Bucket(String value, long count) {
	}
}
