package org.mufu.hub.index;

import java.util.List;

/**
 * One feed page: each item's position and its document as indexed (the item record as stored, so a page is
 * served without a trip to storage per item), and whether more follow.
 */
public record FeedPage<T>(List<FeedPosition> entries, List<T> documents, boolean hasMore) {
}
