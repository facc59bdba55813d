package org.mufu.hub.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.index.IndexNames;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveImportIT extends IntegrationTest {

	private static final Caller ADMIN = new Caller("tongcheng", Role.ADMIN);

	@Autowired
	ArchiveImport archive;

	@Autowired
	ObjectStorage storage;

	@Autowired
	ElasticsearchClient client;

	@Autowired
	IndexNames names;

	@Autowired
	ObjectMapper json;

	@Autowired
	Packs packs;

	@Autowired
	org.mufu.hub.changelog.ChangeLog log;

	@Autowired
	org.mufu.hub.index.LogIndexer indexer;

	@Test
	void importedItemsAreStoredInPacksAndServedLikeAnyOther() throws IOException {
		String topic = topic();
		int packsBefore = this.storage.list("packs/").size();

		List<ContentItem> stored = load(ADMIN, exported(topic, 1203));

		assertThat(this.storage.list("packs/")).hasSize(packsBefore + 3);
		assertThat(stored).extracting(ContentItem::id).doesNotHaveDuplicates()
			.allSatisfy(id -> assertThat(this.storage.exists(ContentService.recordKey(id))).isFalse());
		assertThat(indexed(topic)).isEqualTo(1203);
		ContentItem last = stored.get(1202);
		assertThat(last.body()).contains("迁移正文1202").doesNotContain("script");
		this.testers.uploader("xiushui").documentName("content").variable("id", last.id())
			.execute()
			.path("content.title").entity(String.class).isEqualTo("旧档案第1202号")
			.path("content.owner.id").entity(String.class).isEqualTo("pingjiang");
		this.testers.channel("liuyang").documentName("feed")
			.variable("channel", "WEBSITE").variable("first", 3).variable("topics", List.of(topic))
			.execute()
			.path("feed.edges[*].node.id").entityList(String.class)
			.containsExactly(stored.get(0).id(), stored.get(1).id(), stored.get(2).id());
	}

	@Test
	void changedImportedItemKeepsItsChangeAndDeletedOneStaysGoneAfterAReindex() throws IOException {
		String topic = topic();
		List<ContentItem> stored = load(ADMIN, exported(topic, 20));
		String changed = stored.get(4).id();
		String deleted = stored.get(7).id();

		this.testers.uploader("pingjiang").documentName("updateContent")
			.variable("id", changed).variable("expectedVersion", 1).variable("input", Map.of("title", "旧档案改过的标题"))
			.execute()
			.path("updateContent.version").entity(Integer.class).isEqualTo(2);
		this.testers.uploader("pingjiang").documentName("deleteContent").variable("id", deleted).execute();
		this.testers.admin().documentName("reindex").execute().path("reindex.contentCount").hasValue();

		assertThat(indexed(topic)).isEqualTo(19);
		// the imported item is published: the change waits for review beside it
		this.testers.editor("tongcheng").documentName("pendingChanges").variable("id", changed)
			.execute()
			.path("content.pending.title").entity(String.class).isEqualTo("旧档案改过的标题")
			.path("content.version").entity(Integer.class).isEqualTo(2);
		this.testers.editor("tongcheng").documentName("content").variable("id", deleted)
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.NOT_FOUND));
	}

	@Test
	void oneBadItemStopsTheWholeImportAndLeavesNothingBehind() throws IOException {
		String topic = topic();
		List<ContentItem> items = new java.util.ArrayList<>(exported(topic, 600));
		ContentItem good = items.get(541);
		items.set(541, ContentItem.builder()
			.kind(good.kind())
			.owner(good.owner())
			.status(good.status())
			.title(" ")
			.body(good.body())
			.topics(List.of(topic))
			.visibility(good.visibility())
			.channels(List.of("WEBSITE"))
			.build());
		int packsBefore = this.storage.list("packs/").size();

		assertThatThrownBy(() -> load(ADMIN, items)).isInstanceOfSatisfying(HubException.class, ex -> {
			assertThat(ex.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
			assertThat(ex.key()).isEqualTo("import.item-refused");
			assertThat(ex.getMessage()).isEqualTo("Item 542 of the import: The item needs a title.");
		});
		assertThat(this.storage.list("packs/")).hasSize(packsBefore);
		assertThat(indexed(topic)).isZero();
	}

	@Test
	void anExportFileIsImportedLineByLineAndABrokenLineIsNamed(@TempDir Path folder) throws IOException {
		String topic = topic();
		List<ContentItem> items = exported(topic, 3);
		Path export = folder.resolve("export.ndjson");
		Files.writeString(export, this.json.writeValueAsString(items.get(0)) + "\n\n"
				+ this.json.writeValueAsString(items.get(1)) + "\n" + this.json.writeValueAsString(items.get(2)) + "\n");
		Path broken = folder.resolve("broken.ndjson");
		Files.writeString(broken, this.json.writeValueAsString(items.get(0)) + "\n{\"title\": \"没有结尾\"\n");

		assertThat(Callers.as(ADMIN, () -> this.archive.load(ADMIN, export))).extracting(ContentItem::title)
			.containsExactly("旧档案第0号", "旧档案第1号", "旧档案第2号");
		assertThatThrownBy(() -> Callers.as(ADMIN, () -> this.archive.load(ADMIN, broken)))
			.isInstanceOfSatisfying(HubException.class, ex -> assertThat(ex.getMessage()).startsWith(
					"Line 2 is not an item record (one JSON object per line, as exported)"));
		assertThat(indexed(topic)).isEqualTo(3);
	}

	@Test
	void onlyAnAdministratorImports() {
		Caller editor = new Caller("tongcheng", Role.EDITOR);
		assertThatThrownBy(() -> load(editor, exported(topic(), 1))).isInstanceOf(AccessDeniedException.class);
	}

	/*
	 * An import logs each pack as soon as it is stored; should storage fail before the rest is, the packs are
	 * removed and each logged one withdrawn by an entry: its items leave the index and every feed, as deleted ones.
	 */
	@Test
	void aWithdrawnPackLeavesTheIndexAndTheFeed() throws IOException {
		String topic = topic();
		List<ContentItem> stored = load(ADMIN, exported(topic, 700));
		assertThat(indexed(topic)).isEqualTo(700);
		String first = Ids.packOf(stored.get(0).id()).orElseThrow();
		String second = Ids.packOf(stored.get(699).id()).orElseThrow();
		this.packs.delete(first);
		this.packs.delete(second);

		long last = 0;
		for (String pack : List.of(first, second)) {
			last = this.log.append(org.mufu.hub.changelog.Change.of(org.mufu.hub.changelog.ChangeType.PACK_WITHDRAWN,
					pack, pack.equals(first) ? Packs.SIZE : 200, "test", List.of(), null));
		}
		assertThat(this.indexer.awaitApplied(last, java.time.Duration.ofSeconds(30))).isTrue();

		assertThat(indexed(topic)).isZero();
		this.testers.channel("liuyang").documentName("feed")
			.variable("channel", "WEBSITE").variable("first", 3).variable("topics", List.of(topic))
			.execute()
			.path("feed.edges").entityList(Object.class).hasSize(0);
	}

	private List<ContentItem> load(Caller caller, List<ContentItem> items) {
		return Callers.as(caller, () -> this.archive.load(caller, items));
	}

	private long indexed(String topic) throws IOException {
		return this.client.count(c -> c.index(this.names.content())
			.query(q -> q.term(t -> t.field("topics").value(topic)))).count();
	}

	private static String topic() {
		return "import-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Published articles as an older system exports them, a day apart from 2019 on, owned by Pingjiang. */
	private static List<ContentItem> exported(String topic, int count) {
		Instant first = Instant.parse("2019-03-01T02:00:00Z");
		return IntStream.range(0, count).mapToObj(n -> {
			Instant at = first.plusSeconds(86_400L * n);
			return ContentItem.builder()
				.kind(ContentKind.ARTICLE)
				.owner("pingjiang")
				.status(ContentStatus.PUBLISHED)
				.title("旧档案第" + n + "号")
				.body("<p>迁移正文" + n + "<script>alert(1)</script></p>")
				.topics(List.of(topic))
				.visibility(Visibility.ALLIANCE)
				.createdAt(at)
				.updatedAt(at)
				.createdBy("old-cms")
				.author("编辑部")
				.overrides(null)
				.channels(List.of("WEBSITE"))
				.publishAt(at)
				.publishedAt(at)
				.history(null)
				.build();
		}).toList();
	}
}
