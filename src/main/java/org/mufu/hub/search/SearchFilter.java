package org.mufu.hub.search;

import java.time.OffsetDateTime;
import java.util.List;

/** What an editor narrows a search to; every part is optional. */
public record SearchFilter(List<String> kinds, List<String> owners, List<String> statuses, List<String> tags,
		List<String> topics, String visibility, DateRange created, DateRange published, DateRange captured,
		Boolean hasGps, Near near, String orientation, Integer minWidth, Integer minHeight, Double minDuration,
		Double maxDuration, String readyFor) {

	public record DateRange(OffsetDateTime from, OffsetDateTime to) {
	}

	/** Within a distance of a point, or of a place from the gazetteer. */
	public record Near(Double latitude, Double longitude, String place, double km) {
	}

	static SearchFilter none() {
		return new SearchFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null);
	}
}
