package org.mufu.hub.index;

import java.time.Instant;
import java.util.List;

/**
 * One page of a channel's feed: items published to the channel inside their window at {@code now}, visible to
 * {@code readerOrg} (its own and every ALLIANCE item; null reads everything), optionally of one owner and
 * topics, after the given position, in publishing order; of each item only {@code fields} are read (null reads
 * the whole item).
 */
public record FeedQuery(String channel, Instant now, String readerOrg, String owner, List<String> topics,
		FeedPosition after, int size, List<String> fields) {
}
