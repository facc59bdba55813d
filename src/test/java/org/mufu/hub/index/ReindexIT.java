package org.mufu.hub.index;

import java.io.IOException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.Test;
import org.mufu.hub.Drafts;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.content.ContentItem;
import org.mufu.hub.content.ContentService;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ReindexIT extends IntegrationTest {

	@Autowired
	ElasticsearchClient client;

	@Autowired
	IndexNames names;

	@Autowired
	ObjectStorage storage;

	@Autowired
	ContentService contents;

	@Test
	void indexDeletedByHandIsRebuiltFromStorage() throws IOException {
		// every item indexed now, whether kept as a record of its own or in an import's pack, comes back
		long items = this.client.count(c -> c.index(this.names.content())).count();
		long assets = this.storage.list("assets/").stream().filter(key -> key.endsWith("/asset.json")).count();
		assertThat(items).isGreaterThanOrEqualTo(13);
		long used = countAssets(AssetFields.USED_BY);
		long published = countAssets(AssetFields.USED_STATUS);
		assertThat(used).isPositive();
		for (String alias : java.util.List.of(this.names.content(), this.names.assets())) {
			for (String index : this.client.indices().getAlias(a -> a.name(alias)).result().keySet()) {
				this.client.indices().delete(d -> d.index(index));
			}
		}

		this.testers.admin().documentName("reindex")
			.execute()
			.path("reindex.contentCount").entity(Long.class).isEqualTo(items)
			.path("reindex.assetCount").entity(Long.class).isEqualTo(assets);
		// what uses each file is derived again from the rebuilt items
		assertThat(countAssets(AssetFields.USED_BY)).isEqualTo(used);
		assertThat(countAssets(AssetFields.USED_STATUS)).isEqualTo(published);

		this.testers.editor("tongcheng").documentName("contents")
			.variable("filter", java.util.Map.of("text", "花炮节"))
			.execute()
			.path("contents[*].title").entityList(String.class).contains("2025花炮节开幕 浏阳河上空焰火绽放九十分钟");
		assertThat(this.client.indices().getAlias(a -> a.name(this.names.content())).result().keySet())
			.singleElement().asString().matches(".*-v[0-9]+");
	}

	private long countAssets(String field) throws IOException {
		return this.client.count(c -> c.index(this.names.assets()).query(q -> q.exists(e -> e.field(field)))).count();
	}

	@Test
	void itemsWrittenWhileTheIndexIsRebuiltAreAllInTheNewIndex() {
		Caller uploader = new Caller("liuyang", Role.UPLOADER);
		java.util.concurrent.atomic.AtomicBoolean rebuilding = new java.util.concurrent.atomic.AtomicBoolean(true);
		java.util.List<ContentItem> written = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
		java.util.concurrent.CompletableFuture<Void> writer = java.util.concurrent.CompletableFuture.runAsync(() -> {
			for (int n = 0; rebuilding.get() || n < 20; n++) {
				String title = "重建期间 " + n;
				written.add(Callers.as(uploader, () -> this.contents.create(uploader,
						Drafts.article(title).body("<p>" + title + "</p>").county().input())));
			}
		});
		try {
			this.testers.admin().documentName("reindex").execute().path("reindex.contentCount").hasValue();
		}
		finally {
			rebuilding.set(false);
		}
		writer.join();

		assertThat(written).hasSizeGreaterThanOrEqualTo(20);
		assertThat(written).allSatisfy(item -> assertThat(this.contents.searchable(item)).isTrue());
	}

	@Test
	void onlyAnAdminMayReindex() {
		this.testers.editor("tongcheng").documentName("reindex")
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
	}
}
