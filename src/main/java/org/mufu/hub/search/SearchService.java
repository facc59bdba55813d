package org.mufu.hub.search;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.mufu.hub.HubException;
import org.mufu.hub.content.Asset;
import org.mufu.hub.content.AssetService;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.metadata.PerceptualHash;
import org.mufu.hub.security.AccessPolicy;
import org.mufu.hub.security.Caller;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The editors' archive search: items by words, filters and facets; duplicates and look-alikes of a picture
 * across the alliance; suggestions as one types. Uploaders search their own member's items and everyone's
 * ALLIANCE items; editors and admins everything; channel apps not at all.
 */
@Service
public class SearchService {

	private static final int MAX_PAGE = 100;

	private final ContentSearch search;

	private final AssetSearch assetSearch;

	private final Suggestions suggestions;

	private final ContentIndex index;

	private final AssetService assets;

	private final int similarDistance;

	SearchService(ContentSearch search, AssetSearch assetSearch, Suggestions suggestions, ContentIndex index,
			AssetService assets, @Value("${hub.search.similar-distance:10}") int similarDistance) {
		this.search = search;
		this.assetSearch = assetSearch;
		this.suggestions = suggestions;
		this.index = index;
		this.assets = assets;
		this.similarDistance = similarDistance;
	}

	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public SearchResult search(Caller caller, String text, SearchFilter filter, String sort, int first, String after) {
		return search(caller, text, filter, sort, first, after, ContentSearch.Mode.SEGMENTED);
	}

	SearchResult search(Caller caller, String text, SearchFilter filter, String sort, int first, String after,
			ContentSearch.Mode mode) {
		if (first < 1 || first > MAX_PAGE) {
			throw HubException.badRequest("paging.first-out-of-range", MAX_PAGE);
		}
		ContentSearch.Sort order = sort == null ? null : ContentSearch.Sort.valueOf(sort);
		return this.search.search(text, filter, order, first, after, reader(caller), mode,
				caller.by());
	}

	/**
	 * What waits for review, longest waiting first: items in review and published items whose changes are, by when
	 * they were submitted (not when they were made). Uploaders see their own member's and shared ones.
	 */
	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public SearchResult reviewQueue(Caller caller, int first, String after) {
		if (first < 1 || first > MAX_PAGE) {
			throw HubException.badRequest("paging.first-out-of-range", MAX_PAGE);
		}
		return this.search.search(null, SearchFilter.waitingForReview(), ContentSearch.Sort.SUBMITTED, first, after,
				reader(caller), ContentSearch.Mode.SEGMENTED, caller.by());
	}

	/**
	 * A first page of the search exactly as Elasticsearch receives it: what the benchmark sends straight to
	 * Elasticsearch as the baseline.
	 */
	public co.elastic.clients.elasticsearch.core.SearchRequest.Builder engineRequest(String text, SearchFilter filter,
			int first) {
		return this.search.firstPage(text, filter, null, first, null, ContentSearch.Mode.SEGMENTED);
	}

	/** Photos, posters, clips and documents: uploaders find their own member's and shared ones, editors and admins all. */
	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public AssetResult searchAssets(Caller caller, String text, AssetFilter filter, String sort, int first,
			String after) {
		if (first < 1 || first > MAX_PAGE) {
			throw HubException.badRequest("paging.first-out-of-range", MAX_PAGE);
		}
		AssetSearch.Sort order = sort == null ? null : AssetSearch.Sort.valueOf(sort);
		return this.assetSearch.search(text, filter, order, first, after, reader(caller));
	}

	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public List<String> suggest(Caller caller, String prefix, int size) {
		return this.suggestions.complete(prefix, reader(caller), Math.min(Math.max(size, 1), 20));
	}

	/** The same bytes, uploaded by any member. */
	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public List<Asset> duplicatesOf(Caller caller, String assetId) {
		Asset asset = visible(caller, assetId);
		return this.index.findAssets(null, asset.sha256(), 100)
			.stream()
			.filter(id -> !id.equals(assetId))
			.map(this.assets::find)
			.flatMap(Optional::stream)
			.filter(found -> mayList(caller, found))
			.toList();
	}

	/** Pictures whose perceptual hash lies within the configured distance, closest first. */
	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public List<SimilarAsset> similarAssets(Caller caller, String assetId) {
		Asset asset = visible(caller, assetId);
		if (asset.phash() == null) {
			throw HubException.badRequest("search.look-alikes-of-picture-only", assetId);
		}
		return this.index.assetsSharingBands(PerceptualHash.bands(asset.phash()), 500)
			.stream()
			.filter(id -> !id.equals(assetId))
			.map(this.assets::find)
			.flatMap(Optional::stream)
			.filter(found -> found.phash() != null && mayList(caller, found))
			.map(found -> new SimilarAsset(found, PerceptualHash.distance(asset.phash(), found.phash())))
			.filter(similar -> similar.distance() <= this.similarDistance)
			.sorted(Comparator.comparingInt(SimilarAsset::distance))
			.toList();
	}

	private Asset visible(Caller caller, String assetId) {
		Asset asset = this.assets.find(assetId)
			.orElseThrow(() -> HubException.notFound("asset.not-found", assetId));
		if (!AccessPolicy.seesAllOf(caller, asset.owner())) {
			throw HubException.forbidden("asset.of-another-member", assetId);
		}
		return asset;
	}

	/** Editors see every member's copies; an uploader learns of copies its own member holds. */
	private static boolean mayList(Caller caller, Asset asset) {
		return AccessPolicy.seesAllOf(caller, asset.owner());
	}

	private static String reader(Caller caller) {
		return AccessPolicy.readerScope(caller);
	}
}
