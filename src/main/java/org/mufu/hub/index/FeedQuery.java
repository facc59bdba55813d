package org.mufu.hub.index;

import java.time.Instant;
import java.util.List;

/**
 * One page of a channel's feed: items visible on the channel at {@code now}, visible to {@code readerOrg} (its own
 * and every ALLIANCE item; null reads everything), optionally of one owner and topics, after the given position
 * and up to {@code upTo}, the last change log entry the index holds, in feed order; of each item only
 * {@code fields} are read (null reads the whole item).
 */
public record FeedQuery(String channel, Instant now, String readerOrg, String owner, List<String> topics,
		FeedPosition after, long upTo, int size, List<String> fields) {
}
