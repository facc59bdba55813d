package org.mufu.hub.index;

import java.util.List;

/** The ids of one feed page, each with its position, and whether more follow. */
public record FeedPage(List<FeedPosition> entries, boolean hasMore) {
}
