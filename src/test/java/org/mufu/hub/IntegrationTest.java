package org.mufu.hub;

import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: one hub on real local Elasticsearch and S3 servers, started once per test
 * JVM under {@code target/it-data}, with a bucket and index names of this run's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

	protected static final String RUN = "it-" + UUID.randomUUID().toString().substring(0, 8);

	@DynamicPropertySource
	static void hubProperties(DynamicPropertyRegistry registry) {
		registry.add("hub.data-dir", () -> "target/it-data");
		registry.add("hub.local.elasticsearch.port", () -> "0");
		registry.add("hub.local.s3.port", () -> "0");
		registry.add("hub.storage.bucket", () -> RUN);
		registry.add("hub.index.prefix", () -> RUN + "-");
	}
}
