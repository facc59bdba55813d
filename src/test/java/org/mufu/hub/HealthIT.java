package org.mufu.hub;

import org.junit.jupiter.api.Test;
import org.mufu.hub.security.Role;

class HealthIT extends IntegrationTest {

	@Test
	void healthWithoutATokenSaysOnlyUpOrDown() {
		this.web.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus().isOk()
			.expectBody().json("{\"status\":\"UP\"}", true);
	}

	@Test
	void anAdminSeesElasticsearchAndStorage() {
		webAs("tongcheng", Role.ADMIN).get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.elasticsearch.status").isEqualTo("UP")
			.jsonPath("$.components.storage.status").isEqualTo("UP")
			.jsonPath("$.components.storage.details.bucket").isEqualTo(RUN);
	}

	@Test
	void anUploaderSeesOnlyUpOrDown() {
		webAs("pingjiang", Role.UPLOADER).get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus().isOk()
			.expectBody().json("{\"status\":\"UP\"}", true);
	}
}
