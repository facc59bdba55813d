package org.mufu.hub.changelog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.mufu.hub.Workers;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one order of everything that happened, kept in storage: entry {@code n} is the object
 * {@code log/{n, 19 digits}.json}, written once with {@code If-None-Match: *}. A writer takes the number after the
 * last one it knows of; when another hub took it first (412), it takes the next. Nobody writes {@code n + 1} without
 * having seen {@code n}, so the numbers have no gaps, and a reader that finds {@code n} missing knows nothing after
 * it exists yet. The index, feed positions and everything else that follows the log can be rebuilt from storage
 * plus the log.
 * <p>
 * Old entries are folded ({@link #compact}): a run of them becomes one object,
 * {@code log/segments/{first}-{last}.ndjson}, and only then are the single entries deleted. Readers read a folded
 * entry from its segment; the log reads the same either way. Only runs whose every entry is older than
 * {@code compactAfter} (at least an hour, whatever a hub is configured with) are folded, and a hub whose knowledge
 * of the end of the log is older than {@link #LOOK_AGAIN} looks again, segments included, before it trusts it: so
 * no writer ever takes the number of a folded entry, and no reader takes a folded one for the end.
 */
@Component
public class ChangeLog {

	private static final org.apache.commons.logging.Log logger = org.apache.commons.logging.LogFactory
		.getLog(ChangeLog.class);

	static final String PREFIX = "log/";

	private static final String SEGMENTS = "segments/";

	/** Entries per segment when the log is folded. */
	static final int SEGMENT = 10_000;

	/** The least age of a folded entry on any hub; {@link #LOOK_AGAIN} is a quarter of it. */
	static final Duration LEAST_AGE = Duration.ofHours(1);

	/** How long what a hub learned of the end of the log (and of the folded part) is trusted. */
	static final Duration LOOK_AGAIN = LEAST_AGE.dividedBy(4);

	/** Entries read side by side when a follower catches up. */
	private static final int WINDOW = 32;

	private final ObjectStorage storage;

	private final ObjectMapper json;

	/** The highest number this hub knows to be taken; 0 before the first entry. */
	private final AtomicLong head = new AtomicLong(-1);

	private final Object appended = new Object();

	private final ExecutorService readers = Workers.pool("log-reader", 8);

	private final String prefix;

	private final Duration compactAfter;

	private final Duration lookAgain;

	/** When this hub last learned where the log ends (System.nanoTime). */
	private volatile long headLearnedAt;

	private final Segments segments;

	@Autowired
	ChangeLog(ObjectStorage storage, ObjectMapper json, @Value("${hub.log.compact-after:1h}") Duration compactAfter) {
		// a hub set to fold sooner would fold what other hubs may still take for the end
		this(storage, json, PREFIX, compactAfter.compareTo(LEAST_AGE) < 0 ? LEAST_AGE : compactAfter, LOOK_AGAIN);
	}

	ChangeLog(ObjectStorage storage, ObjectMapper json) {
		this(storage, json, PREFIX, LEAST_AGE, LOOK_AGAIN);
	}

	/** A log under another prefix, with its own times: tests fold their own logs without touching the hub's. */
	ChangeLog(ObjectStorage storage, ObjectMapper json, String prefix, Duration compactAfter, Duration lookAgain) {
		this.storage = storage;
		this.json = json;
		this.prefix = prefix;
		this.compactAfter = compactAfter;
		this.lookAgain = lookAgain;
		this.segments = new Segments(storage, this::parse, prefix + SEGMENTS);
	}

	String key(long seq) {
		return this.prefix + String.format("%019d", seq) + ".json";
	}

	/**
	 * Appends a change and returns its number. Callers append after storing the record the change made, so a
	 * storage hiccup of a few seconds is waited out rather than leave a stored change out of the log. (Should a
	 * put that failed to answer have been stored after all, the change is logged twice: harmless, as the index
	 * applies records as they stand and a feed position is never moved.)
	 */
	public long append(Change change) {
		for (int attempt = 1;; attempt++) {
			try {
				return appendOnce(change);
			}
			catch (RuntimeException ex) {
				if (attempt == 4) {
					throw ex;
				}
				logger.warn("Could not log " + change.type() + " " + change.subject() + "; trying again", ex);
				try {
					Thread.sleep(500L * attempt);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	private long appendOnce(Change change) {
		if (stale()) {
			// what this hub knows of the end may predate a fold: look again, segments first
			head();
		}
		long number = knownHead() + 1;
		int lost = 0;
		while (true) {
			byte[] bytes = write(change.numbered(number));
			if (this.storage.putIfAbsent(key(number), bytes, "application/json").isPresent()) {
				this.head.accumulateAndGet(number, Math::max);
				this.headLearnedAt = System.nanoTime();
				synchronized (this.appended) {
					this.appended.notifyAll();
				}
				return number;
			}
			this.head.accumulateAndGet(number, Math::max);
			// many hubs writing at once: look for the end rather than losing one number at a time
			number = ++lost % 8 == 0 ? endFrom(number) + 1 : number + 1;
		}
	}

	/** The entry with that number, if it was written. */
	public Optional<Change> read(long seq) {
		if (seq <= this.segments.folded(false)) {
			return this.segments.read(seq, 1).stream().findFirst();
		}
		return this.storage.find(key(seq)).map(this::parse);
	}

	/**
	 * The entries after {@code after}, in order, up to {@code max} of them: as many as exist without a gap (none
	 * when the log ends at {@code after}).
	 */
	public List<Change> readAfter(long after, int max) {
		List<Change> changes = new ArrayList<>(readFolded(after, max));
		long next = lastOf(changes, after);
		List<Change> single = readSingles(next, max - changes.size());
		// a missing entry that was there (at or below the end this hub knows of), or not looked for in a while,
		// may have been folded meanwhile
		if (single.isEmpty() && changes.size() < max && foldedSince(next + 1)) {
			changes.addAll(readFolded(next, max - changes.size()));
			next = lastOf(changes, next);
			single = readSingles(next, max - changes.size());
		}
		changes.addAll(single);
		return changes;
	}

	private static long lastOf(List<Change> changes, long otherwise) {
		return changes.isEmpty() ? otherwise : changes.get(changes.size() - 1).seq();
	}

	private List<Change> readFolded(long after, int max) {
		long folded = this.segments.folded(false);
		return after < folded && max > 0 ? this.segments.read(after + 1, (int) Math.min(max, folded - after))
				: List.of();
	}

	private boolean foldedSince(long seq) {
		boolean worthLooking = seq <= this.head.get() || this.segments.lookedLongAgo();
		return worthLooking && this.segments.folded(true) >= seq;
	}

	private List<Change> readSingles(long after, int max) {
		List<Change> changes = new ArrayList<>();
		if (max <= 0) {
			return changes;
		}
		long next = after + 1;
		// most looks find one entry or none: the window grows only while every entry asked for is there
		int window = 1;
		while (changes.size() < max) {
			int size = Math.min(window, max - changes.size());
			List<Callable<Optional<Change>>> reads = LongStream.range(next, next + size)
				.<Callable<Optional<Change>>>mapToObj(seq -> () -> readSingle(seq))
				.toList();
			for (Optional<Change> change : size == 1 ? List.of(readSingle(next))
					: Workers.all(this.readers, reads)) {
				if (change.isEmpty()) {
					return changes;
				}
				changes.add(change.get());
			}
			next += size;
			window = Math.min(WINDOW, window * 2);
		}
		return changes;
	}

	private Optional<Change> readSingle(long seq) {
		return this.storage.find(key(seq)).map(this::parse);
	}

	/** The number of the last entry written, by any hub (0 when the log is empty). */
	public long head() {
		long end = endFrom(Math.max(this.segments.folded(stale()), this.head.get()));
		this.head.accumulateAndGet(end, Math::max);
		this.headLearnedAt = System.nanoTime();
		return end;
	}

	/* Whether what this hub knows of the end of the log is too old to rule out a fold since. */
	private boolean stale() {
		return System.nanoTime() - this.headLearnedAt > this.lookAgain.toNanos();
	}

	/**
	 * Folds the single entries into segments of {@code size}, oldest first, while a whole segment's entries are
	 * older than {@code compactAfter}: each segment is written (put-if-absent), then its entries are deleted. Run
	 * by one hub at a time (see LogCompaction); a run cut short is finished by the next. Returns the entries
	 * folded.
	 */
	int compact(int size) {
		return compact(size, () -> true);
	}

	/** As {@link #compact(int)}, asking before each segment whether this hub may still go on. */
	int compact(int size, java.util.function.BooleanSupplier goOn) {
		Instant cutoff = Instant.now().minus(this.compactAfter);
		long folded = this.segments.folded(true);
		this.segments.finishDeletes(this::key);
		int count = 0;
		while (goOn.getAsBoolean()) {
			List<Change> entries = readSingles(folded, size);
			// the newest time in the run, not the last entry's: hubs' clocks differ a little
			if (entries.size() < size || entries.get(size - 1).seq() != folded + size
					|| entries.stream().anyMatch(entry -> !entry.at().isBefore(cutoff))) {
				return count;
			}
			this.segments.write(entries, this::write);
			this.storage.deleteAll(entries.stream().map(change -> key(change.seq())).toList());
			folded += size;
			count += size;
		}
		return count;
	}

	/** Waits until this hub has appended an entry after {@code seq}, or the time is up, whichever comes first. */
	public void awaitAppend(long seq, long millis) throws InterruptedException {
		long deadline = System.currentTimeMillis() + millis;
		synchronized (this.appended) {
			long left = millis;
			while (this.head.get() <= seq && left > 0) {
				this.appended.wait(left);
				left = deadline - System.currentTimeMillis();
			}
		}
	}

	private long knownHead() {
		long known = this.head.get();
		return known >= 0 ? known : head();
	}

	/*
	 * The last taken number at or after one known to be taken: double the step while numbers are taken, then halve
	 * the gap. A hub that has been away for a million entries finds the end in forty requests.
	 */
	private long endFrom(long taken) {
		long step = 1;
		while (exists(taken + step)) {
			taken += step;
			step *= 2;
		}
		long absent = taken + step;
		while (absent - taken > 1) {
			long middle = taken + (absent - taken) / 2;
			if (exists(middle)) {
				taken = middle;
			}
			else {
				absent = middle;
			}
		}
		return taken;
	}

	private boolean exists(long seq) {
		return seq <= this.segments.folded(false) || this.storage.exists(key(seq));
	}

	private byte[] write(Change change) {
		try {
			return this.json.writeValueAsBytes(change);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Change parse(byte[] bytes) {
		try {
			return this.json.readValue(bytes, Change.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A change log entry cannot be read", ex);
		}
	}

	@PreDestroy
	void stop() {
		this.readers.shutdownNow();
	}
}
