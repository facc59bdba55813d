package org.mufu.hub.content;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ContentIT extends IntegrationTest {

	@Autowired
	ObjectStorage storage;

	@Autowired
	ContentIndex index;

	@Test
	void articleStartsAsDraftOfTheCallersMemberWithItsBodySanitised() {
		String cover = uploaded("tongcheng", "photos/huangpao-azaleas.jpg");

		this.testers.uploader("tongcheng").documentName("createContent")
			.variable("input", tongchengArticle(cover, "<p onclick=\"steal()\">黄袍山油茶</p><script>alert(1)</script>"
					+ "<iframe src=\"https://example.com/player\"></iframe><a href=\"javascript:alert(1)\">看</a>"))
			.execute()
			.path("createContent.status").entity(String.class).isEqualTo("DRAFT")
			.path("createContent.owner.id").entity(String.class).isEqualTo("tongcheng")
			.path("createContent.version").entity(Integer.class).isEqualTo(1)
			.path("createContent.language").entity(String.class).isEqualTo("zh-CN")
			.path("createContent.visibility").entity(String.class).isEqualTo("ALLIANCE")
			.path("createContent.cover.displayWidth").entity(Integer.class).isEqualTo(2400)
			.path("createContent.location.latitude").entity(Double.class).isEqualTo(29.138)
			.path("createContent.body").entity(String.class).satisfies(body -> assertThat(body)
				.contains("黄袍山油茶")
				.doesNotContain("script")
				.doesNotContain("onclick")
				.doesNotContain("iframe")
				.doesNotContain("javascript"));
	}

	@Test
	void itemIsSearchableWhenTheMutationReturns() {
		String id = create("tongcheng", tongchengArticle(null, "<p>通城拖面，手工制作</p>"));

		this.testers.uploader("tongcheng").documentName("contents")
			.variable("filter", Map.of("text", "拖面"))
			.execute()
			.path("contents[*].id").entityList(String.class).contains(id);
	}

	@Test
	void staleVersionIsAConflict() {
		String id = create("pingjiang", pingjiangPromo());
		update("pingjiang", id, 1).path("updateContent.version").entity(Integer.class).isEqualTo(2);

		update("pingjiang", id, 1).errors().satisfy(errors -> assertClassified(errors, ErrorKind.CONFLICT));
	}

	@Test
	void anotherMembersUploaderCannotChangeOrDeleteTheItem() {
		String id = create("pingjiang", pingjiangPromo());

		update("liuyang", id, 1).errors().satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
		this.testers.uploader("liuyang").documentName("deleteContent").variable("id", id)
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
		this.testers.uploader("pingjiang").documentName("content").variable("id", id)
			.execute()
			.path("content.version").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void countyItemIsHiddenFromOtherMembersButNotFromEditors() {
		Map<String, Object> input = new java.util.HashMap<>(pingjiangPromo());
		input.put("visibility", "COUNTY");
		String id = create("pingjiang", input);

		this.testers.uploader("xiushui").documentName("content").variable("id", id)
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
		this.testers.editor("xiushui").documentName("content").variable("id", id)
			.execute()
			.path("content.id").entity(String.class).isEqualTo(id);
	}

	@Test
	void deleteRemovesRecordIndexEntryAndFilesNoOtherItemUses() {
		String shared = uploaded("xiushui", "shared.jpg", uniqueJpeg("photos/ninghong-tea-garden.jpg"));
		String own = uploaded("xiushui", "own.jpg", uniqueJpeg("photos/ninghong-tea-garden.jpg"));
		String keep = create("xiushui", xiushuiPromo(List.of(shared)));
		String gone = create("xiushui", xiushuiPromo(List.of(shared, own)));

		this.testers.uploader("xiushui").documentName("deleteContent").variable("id", gone)
			.execute()
			.path("deleteContent.deletedAssetIds").entityList(String.class).containsExactly(own);

		assertThat(this.storage.exists(Records.contentRecord(gone))).isFalse();
		assertThat(this.storage.list(Records.assetFolder(own))).isEmpty();
		assertThat(this.storage.exists(Records.original(shared))).isTrue();
		assertThat(this.index.contentUsingAsset(own)).isEmpty();
		assertThat(this.index.contentUsingAsset(shared)).containsExactly(keep);
	}

	@Test
	void videoItemMustNameAVideo() {
		String photo = uploaded("liuyang", "photos/liuyang-fireworks.jpg");

		this.testers.uploader("liuyang").documentName("createContent")
			.variable("input", Map.of("kind", "VIDEO", "title", "花炮节", "videoAssetId", photo))
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.BAD_REQUEST));
	}

	private String uploaded(String org, String samplePath) {
		return uploaded(org, samplePath, sample(samplePath));
	}

	private String create(String org, Map<String, Object> input) {
		return this.testers.uploader(org).documentName("createContent").variable("input", input)
			.execute()
			.path("createContent.id").entity(String.class).get();
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Response update(String org, String id, int version) {
		return this.testers.uploader(org).documentName("updateContent")
			.variable("id", id)
			.variable("input", Map.of("summary", "更新的摘要"))
			.variable("expectedVersion", version)
			.execute();
	}

	private static Map<String, Object> tongchengArticle(String cover, String body) {
		Map<String, Object> input = new java.util.HashMap<>(Map.of("kind", "ARTICLE", "title", "黄袍山油茶飘香", "body", body,
				"tags", List.of("油茶", "黄袍山"), "visibility", "ALLIANCE",
				"location", Map.of("latitude", 29.138, "longitude", 113.659)));
		if (cover != null) {
			input.put("coverAssetId", cover);
		}
		return input;
	}

	private Map<String, Object> pingjiangPromo() {
		return Map.of("kind", "PROMO", "title", "石牛寨宣传图", "visibility", "ALLIANCE",
				"assetIds", List.of(uploaded("pingjiang", "photos/shiniuzhai-glass-bridge.jpg")));
	}

	private static Map<String, Object> xiushuiPromo(List<String> assetIds) {
		return Map.of("kind", "PROMO", "title", "宁红茶宣传", "assetIds", assetIds);
	}
}
