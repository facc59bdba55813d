package org.mufu.hub.index;

import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Rebuilds indices made with older mappings from storage, once, right after the hub has started. */
@Component
class IndexUpgrade {

	private final SearchCluster cluster;

	private final Reindexer reindexer;

	private final ObjectProvider<Reindexer.Source> records;

	IndexUpgrade(SearchCluster cluster, Reindexer reindexer, ObjectProvider<Reindexer.Source> records) {
		this.cluster = cluster;
		this.reindexer = reindexer;
		this.records = records;
	}

	@EventListener(ApplicationReadyEvent.class)
	void upgrade() {
		if (this.cluster.outdated()) {
			try {
				this.reindexer.reindex(this.records.getObject());
			}
			catch (org.mufu.hub.HubException ex) {
				// another hub, started at the same time, is rebuilding it
				LogFactory.getLog(IndexUpgrade.class).info(ex.getMessage());
			}
		}
	}
}
