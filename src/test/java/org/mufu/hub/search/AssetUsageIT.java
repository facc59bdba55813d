package org.mufu.hub.search;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.content.TestPhotos;
import org.mufu.hub.content.TestPhotos.Photo;
import org.mufu.hub.security.Role;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What uses an asset and who may reuse it, as asset search and the asset itself tell it: kept by the indexer as
 * items use, publish and share their files, and changed for many assets at once by the picture desk.
 */
class AssetUsageIT extends IntegrationTest {

	@Test
	void itemsUsingAFileDecideWhetherItIsUsedPublishedAndShared() {
		String tag = "use-" + UUID.randomUUID().toString().substring(0, 8);
		String photo = upload("pingjiang", Photo.captioned("天岳关秋色").keywords(tag));
		assertThat(ids(search("liuyang", Role.EDITOR, tag, Map.of("used", false)))).containsExactly(photo);

		String item = this.testers.uploader("pingjiang").documentName("createContent")
			.variable("input", Map.of("kind", "ARTICLE", "title", "天岳关的秋天", "body", "<p>秋色正浓。</p>",
					"coverAssetId", photo, "visibility", "COUNTY"))
			.execute()
			.path("createContent.id").entity(String.class).get();
		assertThat(ids(search("liuyang", Role.EDITOR, tag, Map.of("used", true)))).containsExactly(photo);
		assertThat(ids(search("liuyang", Role.EDITOR, tag, Map.of("usedByPublished", true)))).isEmpty();
		assertThat(ids(search("liuyang", Role.EDITOR, tag, Map.of("usedVisibility", "COUNTY")))).containsExactly(photo);
		// a COUNTY item keeps the file to its member
		assertThat(ids(search("tongcheng", Role.UPLOADER, tag, Map.of()))).isEmpty();
		this.testers.uploader("pingjiang").documentName("assetUse").variable("id", photo).execute()
			.path("asset.usedBy[0].role").entity(String.class).isEqualTo("COVER")
			.path("asset.usedBy[0].content.id").entity(String.class).isEqualTo(item)
			.path("asset.reusable").entity(Boolean.class).isEqualTo(false);

		this.testers.uploader("pingjiang").documentName("submitForReview").variable("id", item).execute();
		int version = this.testers.editor("liuyang").documentName("pendingChanges").variable("id", item).execute()
			.path("content.version").entity(Integer.class).get();
		this.testers.editor("liuyang").documentName("updateContent").variable("id", item)
			.variable("input", Map.of("visibility", "ALLIANCE")).variable("expectedVersion", version).execute();
		this.testers.editor("liuyang").documentName("publish").variable("id", item).variable("channels", List.of("WEBSITE"))
			.execute()
			.path("publish.__typename").entity(String.class).isEqualTo("Published");

		assertThat(ids(search("liuyang", Role.EDITOR, tag, Map.of("usedByPublished", true)))).containsExactly(photo);
		assertThat(ids(search("liuyang", Role.EDITOR, tag, Map.of("usedVisibility", "ALLIANCE")))).containsExactly(photo);
		// shared through its owner's ALLIANCE item: another member's uploaders find it
		assertThat(ids(search("tongcheng", Role.UPLOADER, tag, Map.of()))).containsExactly(photo);
		this.testers.uploader("tongcheng").documentName("assetUse").variable("id", photo).execute()
			.path("asset.reusable").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void thePictureDeskChangesManyAssetsAtOnceEachWithItsOwnAnswer() {
		String tag = "desk-" + UUID.randomUUID().toString().substring(0, 8);
		String first = upload("xiushui", Photo.captioned("宁红茶园晨雾").keywords(tag));
		String second = upload("xiushui", Photo.captioned("茶农采茶").keywords(tag));
		String others = upload("tongcheng", Photo.captioned("隽水河夜景").keywords(tag));
		assertThat(ids(search("pingjiang", Role.UPLOADER, tag, Map.of()))).isEmpty();

		GraphQlTester.Response answer = this.testers.uploader("xiushui").documentName("updateAssets")
			.variable("ids", List.of(first, second, others, "nosuchasset0000"))
			.variable("changes", Map.of("addKeywords", List.of("茶"), "credit", "修水县融媒体中心 摄影：王芳",
					"shareable", true))
			.execute();
		answer.path("updateAssets[*].refused").entityList(String.class).hasSize(4);
		answer.path("updateAssets[0].asset.credit").entity(String.class).isEqualTo("修水县融媒体中心 摄影：王芳");
		answer.path("updateAssets[0].asset.keywords").entityList(String.class).contains(tag, "茶");
		answer.path("updateAssets[1].asset.shareable").entity(Boolean.class).isEqualTo(true);
		answer.path("updateAssets[2].refused").entity(String.class).isEqualTo("FORBIDDEN");
		answer.path("updateAssets[3].refused").entity(String.class).isEqualTo("NOT_FOUND");

		// shareable now: other members' uploaders find them, by the keyword added too
		assertThat(ids(search("pingjiang", Role.UPLOADER, tag, Map.of()))).containsExactlyInAnyOrder(first, second);
		assertThat(ids(search("pingjiang", Role.UPLOADER, null, Map.of("keywords", List.of("茶"), "shared", true))))
			.contains(first, second);

		this.testers.uploader("xiushui").documentName("updateAssets").variable("ids", List.of(second))
			.variable("changes", Map.of("shareable", false, "removeKeywords", List.of("茶"))).execute();
		assertThat(ids(search("pingjiang", Role.UPLOADER, tag, Map.of()))).containsExactly(first);
	}

	private GraphQlTester.Response search(String org, Role role, String tag, Map<String, Object> filter) {
		Map<String, Object> scoped = new java.util.HashMap<>(filter);
		if (tag != null) {
			scoped.put("keywords", List.of(tag));
		}
		return this.testers.as(org, role).documentName("searchAssets").variable("filter", scoped).variable("first", 50)
			.execute();
	}

	private static List<String> ids(GraphQlTester.Response response) {
		return response.path("searchAssets.edges[*].node.id").entityList(String.class).get();
	}

	private String upload(String org, Photo photo) {
		return uploaded(org, "photo.jpg", TestPhotos.jpeg(photo));
	}
}
