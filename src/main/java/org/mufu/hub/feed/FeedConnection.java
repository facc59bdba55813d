package org.mufu.hub.feed;

import java.util.List;

/** The answer of {@code feed} and {@code feedPreview}: one page of a channel's feed and where the next one starts. */
public record FeedConnection(List<FeedEdge> edges, boolean hasNextPage, String endCursor) {

	public PageInfo pageInfo() {
		return new PageInfo(this.hasNextPage, this.endCursor);
	}
}
