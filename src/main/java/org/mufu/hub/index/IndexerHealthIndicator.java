package org.mufu.hub.index;

import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code indexer} component of {@code /actuator/health}, the same on every hub: DOWN while the hub following
 * the change log cannot apply it (searches and feeds then lag behind what is stored), with the entry the index
 * holds.
 */
@Component("indexer")
class IndexerHealthIndicator extends AbstractHealthIndicator {

	private final LogIndexer indexer;

	IndexerHealthIndicator(LogIndexer indexer) {
		this.indexer = indexer;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Optional<Instant> failing = this.indexer.failingSince();
		(failing.isPresent() ? builder.down().withDetail("failingSince", failing.get().toString()) : builder.up())
			.withDetail("checkpoint", this.indexer.checkpoint());
	}
}
