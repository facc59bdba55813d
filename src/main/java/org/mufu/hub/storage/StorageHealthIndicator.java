package org.mufu.hub.storage;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** The {@code storage} component of {@code /actuator/health}. */
@Component("storage")
class StorageHealthIndicator extends AbstractHealthIndicator {

	private final ObjectStorage storage;

	StorageHealthIndicator(ObjectStorage storage) {
		this.storage = storage;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		StorageStatus status = this.storage.status();
		(status.up() ? builder.up() : builder.down()).withDetail("endpoint", status.endpoint())
			.withDetail("bucket", status.bucket());
	}
}
