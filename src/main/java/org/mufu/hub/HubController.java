package org.mufu.hub;

import org.mufu.hub.security.AuditTrail;
import org.mufu.hub.security.Caller;
import org.mufu.hub.index.IndexStatus;
import org.mufu.hub.index.ReindexReport;
import org.mufu.hub.index.Reindexer;
import org.mufu.hub.index.SearchCluster;
import org.mufu.hub.storage.ObjectStorage;
import org.mufu.hub.storage.StorageStatus;

import org.springframework.boot.info.BuildProperties;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The {@code hub} query (what runs, and whether storage and index answer) and the admin's {@code reindex}. */
@Controller
class HubController {

	private final BuildProperties build;

	private final ObjectStorage storage;

	private final SearchCluster index;

	private final AuditTrail audit;

	private final Reindexer reindexer;

	private final Reindexer.Source records;

	HubController(BuildProperties build, ObjectStorage storage, SearchCluster index, Reindexer reindexer,
			Reindexer.Source records, AuditTrail audit) {
		this.audit = audit;
		this.build = build;
		this.storage = storage;
		this.index = index;
		this.reindexer = reindexer;
		this.records = records;
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	ReindexReport reindex(Caller caller) {
		ReindexReport report = this.reindexer.reindex(this.records);
		this.audit.record("REINDEXED", caller.by(), report.contentIndex(), report.contentCount() + " items, "
				+ report.assetCount() + " assets");
		return report;
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
