package org.mufu.hub;

import org.junit.jupiter.api.Test;


class HealthIT extends IntegrationTest {

	@Test
	void healthIsUpWithElasticsearchAndStorage() {
		this.web.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.elasticsearch.status").isEqualTo("UP")
			.jsonPath("$.components.storage.status").isEqualTo("UP")
			.jsonPath("$.components.storage.details.bucket").isEqualTo(RUN);
	}
}
