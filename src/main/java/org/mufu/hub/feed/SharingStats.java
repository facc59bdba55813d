package org.mufu.hub.feed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.changelog.Leases;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts deliveries of items to members' channel apps: per item, owner and receiving member, so the alliance
 * sees who promotes whom. Each hub counts its own in memory and keeps them in an object of its own,
 * {@code stats/deliveries/{hub}.json}, every minute and at shutdown: no hub ever overwrites another's counts. The
 * totals add every hub's object to this hub's own counts.
 */
@Component
class SharingStats {

	private static final Log logger = LogFactory.getLog(SharingStats.class);

	private static final String FOLDER = "stats/deliveries/";

	/** Where the hub kept its counts before hubs kept theirs apart. */
	private static final String SHARED_KEY = "stats/deliveries.json";

	private final Map<Delivery, LongAdder> counts = new ConcurrentHashMap<>();

	private final ObjectStorage storage;

	private final ObjectMapper json;

	private final String key;

	SharingStats(ObjectStorage storage, ObjectMapper json, Leases leases) {
		this.storage = storage;
		this.json = json;
		this.key = FOLDER + leases.hub() + ".json";
	}

	/** Who delivered what to whom, on which channel, in which month (China time, yyyy-MM). */
	record Delivery(String contentId, String owner, String receiver, String channel, String month) {
	}

	/** Counts kept before channel and month were counted have neither. */
	record Row(String contentId, String owner, String receiver, String channel, String month, long deliveries) {

		Delivery delivery() {
			return new Delivery(this.contentId, this.owner, this.receiver, this.channel, this.month);
		}
	}

	private static final java.time.ZoneId ALLIANCE_ZONE = java.time.ZoneId.of("Asia/Shanghai");

	void count(String contentId, String owner, String receiver, String channel) {
		String month = java.time.YearMonth.now(ALLIANCE_ZONE).toString();
		this.counts.computeIfAbsent(new Delivery(contentId, owner, receiver, channel, month), key -> new LongAdder())
			.increment();
	}

	/** Every hub's counts added up: this hub's as they stand, the others' as they last kept them. */
	List<Row> rows() {
		Map<Delivery, Long> totals = new java.util.HashMap<>();
		this.counts.forEach((delivery, count) -> totals.merge(delivery, count.sum(), Long::sum));
		List<String> kept = new ArrayList<>(this.storage.list(FOLDER));
		kept.remove(this.key);
		if (this.storage.exists(SHARED_KEY)) {
			kept.add(SHARED_KEY);
		}
		for (String other : kept) {
			read(other).forEach(row -> totals.merge(row.delivery(), row.deliveries(), Long::sum));
		}
		List<Row> rows = new ArrayList<>();
		totals.forEach((delivery, count) -> rows.add(row(delivery, count)));
		return rows;
	}

	private static Row row(Delivery delivery, long count) {
		return new Row(delivery.contentId(), delivery.owner(), delivery.receiver(), delivery.channel(),
				delivery.month(), count);
	}

	private List<Row> read(String key) {
		try {
			return this.storage.find(key).map(bytes -> {
				try {
					return this.json.readValue(bytes, new TypeReference<List<Row>>() {
					});
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).orElse(List.of());
		}
		catch (java.io.UncheckedIOException ex) {
			logger.warn("The delivery counts in " + key + " cannot be read; they are left out", ex);
			return List.of();
		}
	}

	@Scheduled(fixedDelayString = "${hub.feed.stats-interval:60s}")
	@PreDestroy
	void keep() {
		if (this.counts.isEmpty()) {
			return;
		}
		try {
			List<Row> own = new ArrayList<>();
			this.counts.forEach((delivery, count) -> own.add(row(delivery, count.sum())));
			this.storage.putBytes(this.key, this.json.writeValueAsBytes(own), "application/json");
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not keep the sharing statistics; they are kept again at the next interval", ex);
		}
	}
}
