package org.mufu.hub.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import org.junit.jupiter.api.Test;
import org.mufu.hub.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class SearchClusterIT extends IntegrationTest {

	@Autowired
	ElasticsearchClient client;

	@Autowired
	IndexNames names;

	@Autowired
	SearchCluster cluster;

	@Test
	void aliasesPointAtVersionedIndices() throws IOException {
		var aliases = this.client.indices().getAlias(request -> request.name(this.names.content())).result();

		assertThat(aliases.keySet()).singleElement().asString().matches(this.names.content() + "-v[0-9]+");
	}

	@Test
	void indexedDocumentIsFound() throws IOException {
		Map<String, Object> document = Map.of("id", "doc-1", "title", "Huangpao Mountain azaleas in bloom",
				"tags", List.of("azalea", "spring"), "owner", "pingjiang");
		this.client.index(request -> request.index(this.names.content()).id("doc-1").document(document).refresh(Refresh.True));

		SearchResponse<Map> found = this.client.search(request -> request.index(this.names.content())
			.query(query -> query.bool(bool -> bool.must(must -> must.match(match -> match.field("title").query("azaleas")))
				.filter(filter -> filter.term(term -> term.field("tags").value("spring"))))), Map.class);

		assertThat(found.hits().hits()).extracting(hit -> hit.id()).containsExactly("doc-1");
	}

	@Test
	void statusReportsTheClusterVersion() {
		IndexStatus status = this.cluster.status();

		assertThat(status.up()).isTrue();
		assertThat(status.clusterVersion()).isEqualTo("8.19.21");
	}
}
