package org.mufu.hub.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.indices.update_aliases.Action;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The hub's indices in Elasticsearch: created with explicit mappings behind their aliases at start, and
 * the cluster's state for the hub query.
 */
@Component
public class SearchCluster implements InitializingBean {

	private static final Log logger = LogFactory.getLog(SearchCluster.class);

	private final ElasticsearchClient client;

	private final RestClient restClient;

	private final IndexNames names;

	private final ObjectMapper json = new ObjectMapper();

	SearchCluster(ElasticsearchClient client, RestClient restClient, IndexNames names) {
		this.client = client;
		this.restClient = restClient;
		this.names = names;
	}

	@Override
	public void afterPropertiesSet() throws IOException {
		ensureIndex(this.names.content(), IndexNames.CONTENT);
		ensureIndex(this.names.assets(), IndexNames.ASSETS);
		ensureIndex(this.names.feedChanges(), IndexNames.FEED_CHANGES);
	}

	private final java.util.Set<String> outdated = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/** Whether an index was built with older mappings than this hub's and must be rebuilt from storage. */
	public boolean outdated() {
		return !this.outdated.isEmpty();
	}

	private void ensureIndex(String alias, String mapping) throws IOException {
		if (this.client.indices().existsAlias(request -> request.name(alias)).value()) {
			int current = mappingVersion(alias);
			int wanted = this.json.readTree(new ClassPathResource("index/" + mapping + ".json").getInputStream())
				.path("mappings").path("_meta").path("version").asInt(1);
			if (current < wanted) {
				logger.info("Index " + alias + " has mapping version " + current + "; this hub uses " + wanted
						+ ". It is rebuilt from storage once the hub has started.");
				this.outdated.add(alias);
			}
			return;
		}
		String index = this.names.versioned(alias, 1);
		try {
			createIndex(index, mapping);
		}
		catch (ElasticsearchException ex) {
			// another hub starting at the same moment made it first
			if (!"resource_already_exists_exception".equals(ex.error().type())) {
				throw ex;
			}
		}
		this.client.indices().putAlias(request -> request.index(index).name(alias).isWriteIndex(true));
		logger.info("Created index " + index + " behind alias " + alias);
	}

	/** Creates an index with the settings and mappings kept in {@code index/<mapping>.json}. */
	void createIndex(String index, String mapping) throws IOException {
		try (InputStream json = new ClassPathResource("index/" + mapping + ".json").getInputStream()) {
			this.client.indices().create(request -> request.index(index).withJson(json));
		}
	}

	public IndexStatus status() {
		try {
			HealthResponse health = this.client.cluster().health();
			return new IndexStatus(true, nodeVersion(), health.clusterName(), health.status().jsonValue());
		}
		catch (IOException | ElasticsearchException | UncheckedIOException ex) {
			logger.debug("Elasticsearch does not answer", ex);
			return new IndexStatus(false, null, null, null);
		}
	}

	private int mappingVersion(String alias) throws IOException {
		Request request = new Request("GET", "/" + alias + "/_mapping");
		try (InputStream body = this.restClient.performRequest(request).getEntity().getContent()) {
			JsonNode indices = this.json.readTree(body);
			return indices.elements().hasNext()
					? indices.elements().next().path("mappings").path("_meta").path("version").asInt(1) : 1;
		}
	}

	/*
	 * Read with the low-level client: the typed nodes-info response expects sections that a distribution
	 * without the optional modules leaves out.
	 */
	private String nodeVersion() throws IOException {
		Request request = new Request("GET", "/_nodes/_local");
		request.addParameter("filter_path", "nodes.*.version");
		try (InputStream body = this.restClient.performRequest(request).getEntity().getContent()) {
			JsonNode nodes = this.json.readTree(body).path("nodes");
			return nodes.elements().hasNext() ? nodes.elements().next().path("version").asText(null) : null;
		}
	}

	/** Points the alias at the new index in one step; returns the indices it pointed at before. */
	List<String> moveAlias(String alias, String index) throws IOException {
		Set<String> existing = this.client.indices()
			.get(g -> g.index(alias + "*").ignoreUnavailable(true).allowNoIndices(true))
			.result()
			.keySet();
		List<Action> actions = new ArrayList<>();
		// an index that holds the alias's own name (made by a write after a hand deletion) must go first
		if (existing.contains(alias)) {
			this.client.indices().delete(d -> d.index(alias));
		}
		List<String> old = existing.stream()
			.filter(name -> !name.equals(alias) && !name.equals(index) && name.startsWith(alias + "-v"))
			.toList();
		old.forEach(name -> actions.add(Action.of(a -> a.remove(r -> r.index(name).alias(alias)))));
		actions.add(Action.of(a -> a.add(ad -> ad.index(index).alias(alias).isWriteIndex(true))));
		this.client.indices().updateAliases(u -> u.actions(actions));
		return old;
	}

}
