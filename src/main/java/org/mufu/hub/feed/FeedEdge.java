package org.mufu.hub.feed;

/** One item of a feed page, with the cursor to ask for what comes after it. */
public record FeedEdge(String cursor, FeedItem node) {
}
