package org.mufu.hub.feed;

/** One change of a feedChanges page, with the cursor to ask for what comes after it. */
public record FeedChangeEdge(String cursor, FeedChange node) {
}
