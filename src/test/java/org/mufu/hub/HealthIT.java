package org.mufu.hub;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@AutoConfigureWebTestClient
class HealthIT extends IntegrationTest {

	@Autowired
	WebTestClient client;

	@Test
	void healthIsUpWithElasticsearchAndStorage() {
		this.client.get()
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
