package org.mufu.hub;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.graphql.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@AutoConfigureHttpGraphQlTester
class HubQueryIT extends IntegrationTest {

	@Autowired
	HttpGraphQlTester graphQlTester;

	@Test
	void hubReportsStorageAndTheElasticsearchItRunsOn() {
		this.graphQlTester.documentName("hub")
			.execute()
			.path("hub.version").entity(String.class).satisfies(version -> assertThat(version).isNotBlank())
			.path("hub.storage.status").entity(String.class).isEqualTo("UP")
			.path("hub.storage.bucket").entity(String.class).isEqualTo(RUN)
			.path("hub.index.status").entity(String.class).isEqualTo("UP")
			.path("hub.index.clusterVersion").entity(String.class).isEqualTo("8.19.21");
	}
}
