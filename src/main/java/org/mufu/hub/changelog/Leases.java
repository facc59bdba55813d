package org.mufu.hub.changelog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.stereotype.Component;

/**
 * Work that one hub of many must do at a time (following the log, scheduled publishing, loading the demo archive)
 * is done by the hub holding its lease. A lease is a run of terms, {@code leases/{name}/{term}.json}, each naming
 * its holder and when it ends; each term is made with {@code If-None-Match: *}, so exactly one hub makes it. The
 * holder renews by making the next term before its own ends; another hub may make the next term only once the
 * last one has ended, so when the holder dies another takes over one lease time later. (Terms rather than one
 * object replaced with {@code If-Match}: the embedded S3 server checks If-Match without holding the object, so two
 * hubs could both replace it; If-None-Match it does atomically, as S3 and MinIO do both.)
 */
@Component
public class Leases {

	private static final String PREFIX = "leases/";

	/** Ended terms kept before they are removed; a hub with an older view of the terms loses to the newest. */
	private static final int KEPT = 10;

	private final ObjectStorage storage;

	private final ObjectMapper json;

	private final String hub;

	Leases(ObjectStorage storage, ObjectMapper json) {
		this.storage = storage;
		this.json = json;
		this.hub = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Who holds a term of a lease and until when. */
	record Held(String holder, Instant until) {
	}

	/** This hub's name in leases, unique per process. */
	public String hub() {
		return this.hub;
	}

	/** Takes or renews the lease for {@code duration}; false when another hub holds it. */
	public boolean hold(String name, Duration duration) {
		long latest = latestTerm(name);
		Instant now = Instant.now();
		if (latest > 0) {
			Optional<Held> held = this.storage.find(term(name, latest)).map(this::read);
			if (held.isEmpty() || (!held.get().holder().equals(this.hub) && held.get().until().isAfter(now))) {
				return false;
			}
		}
		long next = latest + 1;
		if (this.storage.putIfAbsent(term(name, next), write(new Held(this.hub, now.plus(duration))), "application/json")
			.isEmpty()) {
			return false;
		}
		// a term made from an old view of the lease (one long since removed) does not count: the newest decides
		if (latestTerm(name) != next) {
			return false;
		}
		for (long old = next - KEPT; old > 0 && old > next - KEPT - 3; old--) {
			this.storage.delete(term(name, old));
		}
		return true;
	}

	/** Ends this hub's lease at once, so another hub need not wait for it to run out. */
	public void release(String name) {
		long latest = latestTerm(name);
		boolean mine = this.storage.find(term(name, latest)).map(this::read)
			.filter(held -> held.holder().equals(this.hub)).isPresent();
		if (mine) {
			this.storage.putIfAbsent(term(name, latest + 1), write(new Held(this.hub, Instant.EPOCH)), "application/json");
		}
	}

	private long latestTerm(String name) {
		return this.storage.list(PREFIX + name + "/")
			.stream()
			.map(key -> key.substring(key.lastIndexOf('/') + 1).replace(".json", ""))
			.filter(number -> number.matches("\\d+"))
			.mapToLong(Long::parseLong)
			.max()
			.orElse(0);
	}

	private static String term(String name, long term) {
		return PREFIX + name + "/" + String.format("%019d", term) + ".json";
	}

	private byte[] write(Held held) {
		try {
			return this.json.writeValueAsBytes(held);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Held read(byte[] bytes) {
		try {
			return this.json.readValue(bytes, Held.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A lease record cannot be read", ex);
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "hub";
		}
	}
}
