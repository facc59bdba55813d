package org.mufu.hub.index;

/** A place in a feed: the publish time and id of the last item seen; both sort the feed, so it never shifts. */
public record FeedPosition(long publishAtMillis, String id) {
}
