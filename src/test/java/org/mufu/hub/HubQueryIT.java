package org.mufu.hub;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HubQueryIT extends IntegrationTest {

	@Test
	void hubReportsStorageAndTheElasticsearchItRunsOn() {
		this.testers.channel("tongcheng").documentName("hub")
			.execute()
			.path("hub.version").entity(String.class).satisfies(version -> assertThat(version).isNotBlank())
			.path("hub.storage.status").entity(String.class).isEqualTo("UP")
			.path("hub.storage.bucket").entity(String.class).isEqualTo(RUN)
			.path("hub.index.status").entity(String.class).isEqualTo("UP")
			.path("hub.index.clusterVersion").entity(String.class).isEqualTo("8.19.21");
	}
}
