package org.mufu.hub.feed;

import java.util.List;

/** The answer of {@code feedChanges}: one page of what happened to items a feed gave out. */
public record FeedChangeConnection(List<FeedChangeEdge> edges, boolean hasNextPage, String endCursor) {

	public PageInfo pageInfo() {
		return new PageInfo(this.hasNextPage, this.endCursor);
	}
}
