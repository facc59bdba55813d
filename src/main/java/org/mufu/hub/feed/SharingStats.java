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
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts deliveries of items to members' channel apps: per item, owner and receiving member, so the alliance
 * sees who promotes whom. Counted in memory, kept in storage ({@code stats/deliveries.json}) every minute and
 * at shutdown.
 */
@Component
class SharingStats implements InitializingBean {

	private static final Log logger = LogFactory.getLog(SharingStats.class);

	private static final String KEY = "stats/deliveries.json";

	private final Map<Delivery, LongAdder> counts = new ConcurrentHashMap<>();

	private final ObjectStorage storage;

	private final ObjectMapper json;

	SharingStats(ObjectStorage storage, ObjectMapper json) {
		this.storage = storage;
		this.json = json;
	}

	/** Who delivered what to whom. */
	record Delivery(String contentId, String owner, String receiver) {
	}

	record Row(String contentId, String owner, String receiver, long deliveries) {
	}

	void count(String contentId, String owner, String receiver) {
		this.counts.computeIfAbsent(new Delivery(contentId, owner, receiver), key -> new LongAdder()).increment();
	}

	List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		this.counts.forEach((delivery, count) -> rows
			.add(new Row(delivery.contentId(), delivery.owner(), delivery.receiver(), count.sum())));
		return rows;
	}

	@Override
	public void afterPropertiesSet() throws IOException {
		if (this.storage.exists(KEY)) {
			List<Row> kept = this.json.readValue(this.storage.getBytes(KEY), new TypeReference<>() {
			});
			kept.forEach(row -> this.counts
				.computeIfAbsent(new Delivery(row.contentId(), row.owner(), row.receiver()), key -> new LongAdder())
				.add(row.deliveries()));
		}
	}

	@Scheduled(fixedDelayString = "${hub.feed.stats-interval:60s}")
	@PreDestroy
	void keep() {
		if (this.counts.isEmpty()) {
			return;
		}
		try {
			this.storage.putBytes(KEY, this.json.writeValueAsBytes(rows()), "application/json");
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not keep the sharing statistics; they are kept again at the next interval", ex);
		}
	}
}
