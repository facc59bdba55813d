package org.mufu.hub.feed;

/** Whether a feed has more now, and the cursor to keep for the next page. */
public record PageInfo(boolean hasNextPage, String endCursor) {
}
