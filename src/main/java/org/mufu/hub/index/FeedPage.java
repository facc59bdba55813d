package org.mufu.hub.index;

import java.util.List;
import java.util.Map;

/**
 * One feed page: each item's position and its document as indexed (the item record as stored, so a page is
 * served without a trip to storage per item), and whether more follow.
 */
public record FeedPage(List<FeedPosition> entries, List<Map<String, Object>> documents, boolean hasMore) {
}
