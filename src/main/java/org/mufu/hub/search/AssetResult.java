package org.mufu.hub.search;

import java.util.List;

import org.mufu.hub.content.Asset;

/** One page of asset search hits with the total, the facets of all matches, and where the next page starts. */
public record AssetResult(long totalCount, List<Hit> hits, List<SearchResult.Facet> facets, boolean hasNextPage,
		String endCursor) {

	/** A matching asset, its relevance and the fragments that matched, marked with {@code <em>}. */
	public record Hit(String cursor, double score, List<SearchResult.Highlight> highlights, Asset node) {
	}
}
