package org.mufu.hub.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mufu.hub.changelog.Change;

/**
 * Where an item stands in each channel's feed: the number of the log entry that made it visible on that channel.
 * A pure function of the log, bounded by the record as it stands, so the indexer and a rebuild from storage plus
 * the log reach the same positions.
 */
final class FeedPositions {

	static final String POSITIONS = ContentFields.POSITIONS;

	/** The channels an item has a position on (the feed filters on it). */
	static final String FEED_CHANNELS = ContentFields.FEED_CHANNELS;

	/** Channels an item is published to but not yet visible on: its publishing time is still to come. */
	static final String AWAITING = ContentFields.AWAITING;

	private FeedPositions() {
	}

	/** The positions after {@code change}, from those before it. */
	static Map<String, Long> after(Map<String, Long> before, Change change) {
		Map<String, Long> positions = new TreeMap<>(before);
		switch (change.type()) {
			case CONTENT_WITHDRAWN, CONTENT_EXPIRED, CONTENT_DELETED -> positions.clear();
			// an item already visible on a channel keeps its place: a repeated entry never delivers it twice
			case CONTENT_PUBLISHED, CONTENT_REVISED, CONTENT_SCHEDULE_REACHED -> change.channels()
				.forEach(channel -> positions.putIfAbsent(channel, change.seq()));
			default -> {
			}
		}
		return positions;
	}

	/** An imported item is visible on its channels from its pack's entry, if it was published by then. */
	static Map<String, Long> imported(Change pack, Map<String, Object> fields) {
		Map<String, Long> positions = new TreeMap<>();
		if (live(fields, pack.at())) {
			channels(fields).forEach(channel -> positions.put(channel, pack.seq()));
		}
		return positions;
	}

	/**
	 * Puts the positions into a document, kept only while the record is live on the channel (published to it,
	 * its time come and not yet gone), with the channels still waiting for their time. This alone decides what a
	 * feed shows: an item rescheduled to later leaves the feed and comes back at a new position, never at its old
	 * one behind the readers' cursors.
	 */
	static Map<String, Long> write(Map<String, Long> positions, Map<String, Object> fields) {
		Map<String, Long> kept = new TreeMap<>(positions);
		List<String> channels = channels(fields);
		Instant now = Instant.now();
		boolean published = "PUBLISHED".equals(fields.get(ContentFields.STATUS)) && !expired(fields, now);
		Instant publishAt = instant(fields.get(ContentFields.PUBLISH_AT));
		if (!published || (publishAt != null && publishAt.isAfter(now))) {
			kept.clear();
		}
		kept.keySet().retainAll(channels);
		List<String> awaiting = new ArrayList<>();
		if (published) {
			channels.stream().filter(channel -> !kept.containsKey(channel)).forEach(awaiting::add);
		}
		fields.put(POSITIONS, kept);
		fields.put(FEED_CHANNELS, List.copyOf(kept.keySet()));
		fields.put(AWAITING, awaiting);
		return kept;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Long> read(Object stored) {
		Map<String, Long> positions = new TreeMap<>();
		if (stored instanceof Map<?, ?> map) {
			((Map<String, Object>) map).forEach((channel, seq) -> {
				if (seq instanceof Number number) {
					positions.put(channel, number.longValue());
				}
			});
		}
		return positions;
	}

	private static boolean live(Map<String, Object> fields, Instant at) {
		if (!"PUBLISHED".equals(fields.get(ContentFields.STATUS))) {
			return false;
		}
		Instant publishAt = instant(fields.get(ContentFields.PUBLISH_AT));
		return (publishAt == null || !publishAt.isAfter(at)) && !expired(fields, at);
	}

	private static boolean expired(Map<String, Object> fields, Instant at) {
		Instant expireAt = instant(fields.get(ContentFields.EXPIRE_AT));
		return expireAt != null && !expireAt.isAfter(at);
	}

	@SuppressWarnings("unchecked")
	private static List<String> channels(Map<String, Object> fields) {
		Object channels = fields.get(ContentFields.CHANNELS);
		return channels instanceof List<?> list ? (List<String>) list : List.of();
	}

	private static Instant instant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		return value == null ? null : Instant.parse(value.toString());
	}
}
