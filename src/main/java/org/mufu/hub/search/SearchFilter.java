package org.mufu.hub.search;

import java.time.OffsetDateTime;
import java.util.List;

/** What an editor narrows a search to; every part is optional. */
public record SearchFilter(List<String> kinds, List<String> owners, List<String> statuses, List<String> tags,
		List<String> topics, String visibility, DateRange created, DateRange published, DateRange captured,
		Boolean hasGps, Near near, String orientation, Integer minWidth, Integer minHeight, Double minDuration,
		Double maxDuration, String readyFor, Boolean inReview) {

	/** The filter as an editor gives it; what waits for review is asked for by the review queue alone. */
	public SearchFilter(List<String> kinds, List<String> owners, List<String> statuses, List<String> tags,
			List<String> topics, String visibility, DateRange created, DateRange published, DateRange captured,
			Boolean hasGps, Near near, String orientation, Integer minWidth, Integer minHeight, Double minDuration,
			Double maxDuration, String readyFor) {
		this(kinds, owners, statuses, tags, topics, visibility, created, published, captured, hasGps, near,
				orientation, minWidth, minHeight, minDuration, maxDuration, readyFor, null);
	}

	public record DateRange(OffsetDateTime from, OffsetDateTime to) {
	}

	/** Within a distance of a point, or of a place from the gazetteer. */
	public record Near(Double latitude, Double longitude, String place, double km) {
	}

	/** Items in review, and published items whose changes are: what the review queue lists. */
	static SearchFilter waitingForReview() {
		return new SearchFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, true);
	}

	static SearchFilter none() {
		return new SearchFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null);
	}
}
