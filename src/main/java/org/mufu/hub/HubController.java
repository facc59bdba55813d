package org.mufu.hub;

import org.mufu.hub.index.IndexStatus;
import org.mufu.hub.index.SearchCluster;
import org.mufu.hub.storage.ObjectStorage;
import org.mufu.hub.storage.StorageStatus;

import org.springframework.boot.info.BuildProperties;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The {@code hub} query: what runs, and whether its storage and index answer. */
@Controller
class HubController {

	private final BuildProperties build;

	private final ObjectStorage storage;

	private final SearchCluster index;

	HubController(BuildProperties build, ObjectStorage storage, SearchCluster index) {
		this.build = build;
		this.storage = storage;
		this.index = index;
	}

	@QueryMapping
	Hub hub() {
		return new Hub(this.build.getVersion());
	}

	@SchemaMapping
	StorageStatus storage(Hub hub) {
		return this.storage.status();
	}

	@SchemaMapping
	IndexStatus index(Hub hub) {
		return this.index.status();
	}

	record Hub(String version) {
	}
}
