package org.mufu.hub.feed;

import java.time.Instant;

import org.mufu.hub.index.FeedChanges;

/** What a channel app is told about an item it received: what happened, and the item as shown now if changed. */
public record FeedChange(String contentId, FeedChanges.Kind change, Instant at, FeedItem item) {
}
