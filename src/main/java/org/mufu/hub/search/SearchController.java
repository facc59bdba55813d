package org.mufu.hub.search;

import java.util.List;

import org.mufu.hub.content.Asset;
import org.mufu.hub.security.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SearchController {

	private final SearchService search;

	SearchController(SearchService search) {
		this.search = search;
	}

	@QueryMapping
	Connection search(@Argument String query, @Argument SearchFilter filter, @Argument String sort, @Argument int first,
			@Argument String after, Caller caller) {
		SearchResult result = this.search.search(caller, query, filter, sort, first, after);
		return new Connection(result.totalCount(), result.hits(), result.facets(),
				new PageInfo(result.hasNextPage(), result.endCursor()));
	}

	@QueryMapping
	Connection reviewQueue(@Argument int first, @Argument String after, Caller caller) {
		SearchResult result = this.search.reviewQueue(caller, first, after);
		return new Connection(result.totalCount(), result.hits(), result.facets(),
				new PageInfo(result.hasNextPage(), result.endCursor()));
	}

	@QueryMapping
	AssetConnection searchAssets(@Argument String query, @Argument AssetFilter filter, @Argument String sort,
			@Argument int first, @Argument String after, Caller caller) {
		AssetResult result = this.search.searchAssets(caller, query, filter, sort, first, after);
		return new AssetConnection(result.totalCount(), result.hits(), result.facets(),
				new PageInfo(result.hasNextPage(), result.endCursor()));
	}

	@QueryMapping
	List<String> suggest(@Argument String prefix, @Argument int first, Caller caller) {
		return this.search.suggest(caller, prefix, first);
	}

	@QueryMapping
	List<Asset> duplicatesOf(@Argument String assetId, Caller caller) {
		return this.search.duplicatesOf(caller, assetId);
	}

	@QueryMapping
	List<SimilarAsset> similarAssets(@Argument String assetId, Caller caller) {
		return this.search.similarAssets(caller, assetId);
	}

	record Connection(long totalCount, List<SearchResult.Hit> edges, List<SearchResult.Facet> facets,
			PageInfo pageInfo) {
	}

	record AssetConnection(long totalCount, List<AssetResult.Hit> edges, List<SearchResult.Facet> facets,
			PageInfo pageInfo) {
	}

	record PageInfo(boolean hasNextPage, String endCursor) {
	}
}
