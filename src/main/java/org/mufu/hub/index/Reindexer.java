package org.mufu.hub.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Builds new versioned indices from the records in storage and moves the aliases onto them in one step;
 * the old indices are dropped afterwards. Works as well when the old index was deleted by hand.
 */
@Component
public class Reindexer {

	private static final Log logger = LogFactory.getLog(Reindexer.class);

	private static final int BATCH = 1000;

	private final ElasticsearchClient client;

	private final IndexNames names;

	private final SearchCluster cluster;

	Reindexer(ElasticsearchClient client, IndexNames names, SearchCluster cluster) {
		this.client = client;
		this.names = names;
		this.cluster = cluster;
	}

	/** Where the documents come from: the records kept in storage. */
	public interface Source {

		Stream<IndexedDocument> contents();

		Stream<IndexedDocument> assets();
	}

	public synchronized ReindexReport reindex(Source source) {
		long started = System.currentTimeMillis();
		try {
			String contentIndex = rebuild(this.names.content(), IndexNames.CONTENT, source.contents(), true);
			long contentCount = this.client.count(c -> c.index(contentIndex)).count();
			String assetIndex = rebuild(this.names.assets(), IndexNames.ASSETS, source.assets(), false);
			long assetCount = this.client.count(c -> c.index(assetIndex)).count();
			ReindexReport report = new ReindexReport(contentIndex, contentCount, assetIndex, assetCount,
					System.currentTimeMillis() - started);
			logger.info("Reindexed from storage: " + report);
			return report;
		}
		catch (IOException | ElasticsearchException ex) {
			throw new IndexUnavailableException("Elasticsearch could not rebuild the index", ex);
		}
	}

	private String rebuild(String alias, String mapping, Stream<IndexedDocument> documents, boolean searchFields)
			throws IOException {
		Set<String> existing = this.client.indices().get(g -> g.index(alias + "*").ignoreUnavailable(true).allowNoIndices(true))
			.result()
			.keySet();
		int next = existing.stream()
			.filter(name -> name.startsWith(alias + "-v"))
			.map(name -> name.substring((alias + "-v").length()))
			.filter(number -> number.matches("\\d+"))
			.map(Integer::valueOf)
			.max(Comparator.naturalOrder())
			.orElse(0) + 1;
		String index = this.names.versioned(alias, next);
		this.cluster.createIndex(index, mapping);
		List<IndexedDocument> batch = new ArrayList<>(BATCH);
		try (documents) {
			documents.forEach(document -> {
				batch.add(document);
				if (batch.size() == BATCH) {
					bulk(index, searchFields ? SearchFields.enrichAll(batch) : batch);
					batch.clear();
				}
			});
		}
		bulk(index, searchFields ? SearchFields.enrichAll(batch) : batch);
		this.client.indices().refresh(r -> r.index(index));
		List<Action> actions = new ArrayList<>();
		// an index that holds the alias's own name (made by a write after a hand deletion) must go first
		if (existing.contains(alias)) {
			this.client.indices().delete(d -> d.index(alias));
		}
		for (String old : existing) {
			if (!old.equals(alias) && old.startsWith(alias + "-v")) {
				actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(alias))));
			}
		}
		actions.add(Action.of(a -> a.add(ad -> ad.index(index).alias(alias).isWriteIndex(true))));
		this.client.indices().updateAliases(u -> u.actions(actions));
		for (String old : existing) {
			if (!old.equals(alias) && old.startsWith(alias + "-v")) {
				this.client.indices().delete(d -> d.index(old));
			}
		}
		return index;
	}

	private void bulk(String index, List<IndexedDocument> documents) {
		if (documents.isEmpty()) {
			return;
		}
		BulkRequest.Builder request = new BulkRequest.Builder();
		for (IndexedDocument document : documents) {
			request.operations(op -> op.index(i -> i.index(index).id(document.id()).document(document.fields())));
		}
		try {
			BulkResponse response = this.client.bulk(request.build());
			if (response.errors()) {
				throw new IndexUnavailableException("Elasticsearch refused part of a bulk load into " + index, null);
			}
		}
		catch (IOException ex) {
			throw new IndexUnavailableException("Elasticsearch could not load " + index, ex);
		}
	}
}
