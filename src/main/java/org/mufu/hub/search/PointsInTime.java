package org.mufu.hub.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The points in time this hub opened for each caller's paging, so that no caller holds more than a few open at
 * once: each pins the index's old segments for minutes, and a client asking for second pages in a loop opened a
 * thousand in 16 seconds. When a caller opens one more than its share, its oldest is given up; paging on in that
 * list then says it has expired.
 */
final class PointsInTime {

	private record Opened(String id, Instant at) {
	}

	private final int perCaller;

	private final Duration keepAlive;

	private final Map<String, Deque<Opened>> open = new ConcurrentHashMap<>();

	PointsInTime(int perCaller, Duration keepAlive) {
		this.perCaller = perCaller;
		this.keepAlive = keepAlive;
	}

	/** Notes a point in time the caller opened; answers the one to close to keep within its share, if any. */
	Optional<String> opened(String caller, String id) {
		Instant now = Instant.now();
		Deque<Opened> mine = this.open.computeIfAbsent(caller, key -> new ArrayDeque<>());
		synchronized (mine) {
			// those that expired by themselves no longer count
			mine.removeIf(opened -> opened.at().plus(this.keepAlive).isBefore(now));
			mine.addLast(new Opened(id, now));
			return mine.size() > this.perCaller ? Optional.of(mine.removeFirst().id()) : Optional.empty();
		}
	}

	/** How many the caller holds open now. */
	int held(String caller) {
		Deque<Opened> mine = this.open.get(caller);
		if (mine == null) {
			return 0;
		}
		synchronized (mine) {
			Instant now = Instant.now();
			mine.removeIf(opened -> opened.at().plus(this.keepAlive).isBefore(now));
			return mine.size();
		}
	}
}
