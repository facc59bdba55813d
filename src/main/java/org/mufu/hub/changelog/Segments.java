package org.mufu.hub.changelog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;

import org.mufu.hub.storage.ObjectStorage;

/**
 * The folded part of the log: runs of old entries, each one object {@code {first}-{last}.ndjson} (19 digits each,
 * one entry a line), written once and never changed. Everything up to the last segment's {@code last} is folded;
 * that number is learned by listing the segments, again when a reader or writer has reason to think it moved.
 */
final class Segments {

	/** After this long without a look, a reader that misses an entry lists the segments again. */
	private static final long LOOK_AGAIN_NANOS = 10_000_000_000L;

	private record Segment(long first, long last) {
	}

	private final ObjectStorage storage;

	private final Function<byte[], Change> parser;

	private final String prefix;

	private volatile List<Segment> known;

	private volatile long lookedAt;

	/* Segments never change: the two read last are kept, as a rebuild reads each through. */
	private final Map<Long, List<Change>> read = java.util.Collections
		.synchronizedMap(new java.util.LinkedHashMap<>(4, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, List<Change>> eldest) {
				return size() > 2;
			}
		});

	Segments(ObjectStorage storage, Function<byte[], Change> parser, String prefix) {
		this.storage = storage;
		this.parser = parser;
		this.prefix = prefix;
	}

	/** The last folded entry's number (0 when none is): as last learned, or learned now when {@code look}. */
	long folded(boolean look) {
		List<Segment> segments = this.known;
		if (look || segments == null) {
			segments = look();
		}
		return segments.isEmpty() ? 0 : segments.get(segments.size() - 1).last();
	}

	boolean lookedLongAgo() {
		return System.nanoTime() - this.lookedAt > LOOK_AGAIN_NANOS;
	}

	private List<Segment> look() {
		List<Segment> segments = new ArrayList<>();
		for (String key : this.storage.list(this.prefix)) {
			String name = key.substring(this.prefix.length());
			if (name.endsWith(".ndjson") && name.indexOf('-') == 19) {
				segments.add(new Segment(Long.parseLong(name.substring(0, 19)), Long.parseLong(name.substring(20, 39))));
			}
		}
		segments.sort(Comparator.comparingLong(Segment::first));
		this.known = List.copyOf(segments);
		this.lookedAt = System.nanoTime();
		return this.known;
	}

	/** Up to {@code max} folded entries from {@code from} on, in order, across segments. */
	List<Change> read(long from, int max) {
		List<Change> changes = new ArrayList<>();
		long next = from;
		while (changes.size() < max) {
			Segment segment = holding(next);
			if (segment == null) {
				return changes;
			}
			List<Change> entries = entries(segment);
			int start = (int) (next - segment.first());
			int end = (int) Math.min(entries.size(), start + (long) (max - changes.size()));
			changes.addAll(entries.subList(start, end));
			next = segment.last() + 1;
			if (end < entries.size()) {
				return changes;
			}
		}
		return changes;
	}

	private Segment holding(long seq) {
		for (int look = 0; look < 2; look++) {
			List<Segment> segments = look == 0 && this.known != null ? this.known : look();
			for (Segment segment : segments) {
				if (segment.first() <= seq && seq <= segment.last()) {
					return segment;
				}
			}
		}
		return null;
	}

	private List<Change> entries(Segment segment) {
		return this.read.computeIfAbsent(segment.first(), first -> {
			String text = new String(this.storage.getBytes(key(segment)), StandardCharsets.UTF_8);
			List<Change> entries = text.lines()
				.filter(line -> !line.isBlank())
				.map(line -> this.parser.apply(line.getBytes(StandardCharsets.UTF_8)))
				.toList();
			if (entries.size() != segment.last() - segment.first() + 1) {
				throw new IllegalStateException("Log segment " + key(segment) + " holds " + entries.size()
						+ " entries, not " + (segment.last() - segment.first() + 1));
			}
			return entries;
		});
	}

	/** Writes a segment of consecutive entries (a segment already there from an earlier run is kept). */
	void write(List<Change> entries, Function<Change, byte[]> writer) {
		Segment segment = new Segment(entries.get(0).seq(), entries.get(entries.size() - 1).seq());
		StringBuilder lines = new StringBuilder(entries.size() * 256);
		entries.forEach(change -> lines.append(new String(writer.apply(change), StandardCharsets.UTF_8)).append('\n'));
		this.storage.putIfAbsent(key(segment), lines.toString().getBytes(StandardCharsets.UTF_8),
				"application/x-ndjson");
		List<Segment> segments = new ArrayList<>(this.known == null ? List.of() : this.known);
		segments.add(segment);
		this.known = List.copyOf(segments);
	}

	/** Deletes what is left of the last segment's single entries, when a run stopped between writing and deleting. */
	void finishDeletes(LongFunction<String> entryKey) {
		List<Segment> segments = this.known;
		if (segments == null || segments.isEmpty()) {
			return;
		}
		Segment last = segments.get(segments.size() - 1);
		if (this.storage.exists(entryKey.apply(last.first())) || this.storage.exists(entryKey.apply(last.last()))) {
			this.storage.deleteAll(java.util.stream.LongStream.rangeClosed(last.first(), last.last())
				.mapToObj(entryKey)
				.toList());
		}
	}

	private String key(Segment segment) {
		return this.prefix + String.format("%019d-%019d.ndjson", segment.first(), segment.last());
	}
}
