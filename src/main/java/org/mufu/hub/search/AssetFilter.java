package org.mufu.hub.search;

import java.util.List;

/** What an editor narrows an asset search to; every part is optional. */
public record AssetFilter(List<String> types, List<String> owners, List<String> keywords,
		SearchFilter.DateRange taken, Boolean hasGps,
		SearchFilter.Near near, List<String> places, String orientation, Integer minWidth, Integer minHeight,
		Double minDuration, Double maxDuration, String colorSpace, String cameraMake, Boolean used,
		Boolean usedByPublished, String usedVisibility, Boolean shared) {

	static AssetFilter none() {
		return new AssetFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null);
	}
}
