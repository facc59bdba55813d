package org.mufu.hub.changelog;

import java.io.IOException;
import java.io.UncheckedIOException;
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

import org.springframework.stereotype.Component;

/**
 * The one order of everything that happened, kept in storage: entry {@code n} is the object
 * {@code log/{n, 19 digits}.json}, written once with {@code If-None-Match: *}. A writer takes the number after the
 * last one it knows of; when another hub took it first (412), it takes the next. Nobody writes {@code n + 1} without
 * having seen {@code n}, so the numbers have no gaps, and a reader that finds {@code n} missing knows nothing after
 * it exists yet. The index, feed positions and everything else that follows the log can be rebuilt from storage
 * plus the log.
 */
@Component
public class ChangeLog {

	private static final org.apache.commons.logging.Log logger = org.apache.commons.logging.LogFactory
		.getLog(ChangeLog.class);

	static final String PREFIX = "log/";

	/** Entries read side by side when a follower catches up. */
	private static final int WINDOW = 32;

	private final ObjectStorage storage;

	private final ObjectMapper json;

	/** The highest number this hub knows to be taken; 0 before the first entry. */
	private final AtomicLong head = new AtomicLong(-1);

	private final Object appended = new Object();

	private final ExecutorService readers = Workers.pool("log-reader", 8);

	ChangeLog(ObjectStorage storage, ObjectMapper json) {
		this.storage = storage;
		this.json = json;
	}

	static String key(long seq) {
		return PREFIX + String.format("%019d", seq) + ".json";
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
		long number = knownHead() + 1;
		int lost = 0;
		while (true) {
			byte[] bytes = write(change.numbered(number));
			if (this.storage.putIfAbsent(key(number), bytes, "application/json").isPresent()) {
				this.head.accumulateAndGet(number, Math::max);
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
		return this.storage.find(key(seq)).map(this::parse);
	}

	/**
	 * The entries after {@code after}, in order, up to {@code max} of them: as many as exist without a gap (none
	 * when the log ends at {@code after}).
	 */
	public List<Change> readAfter(long after, int max) {
		List<Change> changes = new ArrayList<>();
		long next = after + 1;
		// most looks find one entry or none: the window grows only while every entry asked for is there
		int window = 1;
		while (changes.size() < max) {
			int size = Math.min(window, max - changes.size());
			List<Callable<Optional<Change>>> reads = LongStream.range(next, next + size)
				.<Callable<Optional<Change>>>mapToObj(seq -> () -> read(seq))
				.toList();
			for (Optional<Change> change : size == 1 ? List.of(read(next)) : Workers.all(this.readers, reads)) {
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

	/** The number of the last entry written, by any hub (0 when the log is empty). */
	public long head() {
		long end = endFrom(Math.max(0, this.head.get()));
		this.head.accumulateAndGet(end, Math::max);
		return end;
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
		return seq <= 0 || this.storage.exists(key(seq));
	}

	private byte[] write(Change change) {
		try {
			return this.json.writeValueAsBytes(change);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Change parse(byte[] bytes) {
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
