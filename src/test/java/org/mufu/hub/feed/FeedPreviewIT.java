package org.mufu.hub.feed;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff look at what a member's channel app receives; a withdrawn item is reopened as a draft. */
class FeedPreviewIT extends IntegrationTest {

	@Test
	void staffSeeTheirMembersAppFeedEditorsAnyMembersAndALookIsNotADelivery() {
		String county = published("xiushui", "修水县宁红茶 " + suffix(), "COUNTY");
		String alliance = published("xiushui", "修水县黄龙山 " + suffix(), "ALLIANCE");

		List<String> liuyang = preview(this.testers.editor("pingjiang"), "liuyang");
		assertThat(liuyang).contains(alliance).doesNotContain(county);
		assertThat(preview(this.testers.uploader("xiushui"), "xiushui")).contains(alliance, county);
		this.testers.uploader("liuyang").documentName("feedPreview").variable("memberId", "xiushui")
			.variable("channel", "WECHAT")
			.execute()
			.errors().satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
		this.testers.channel("liuyang").documentName("feedPreview").variable("memberId", "liuyang")
			.variable("channel", "WECHAT")
			.execute()
			.errors().satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));

		this.testers.editor("pingjiang").document("{ sharingStats { rows { content { id } receiver } } }")
			.execute()
			.path("sharingStats.rows[?(@.content.id == '" + alliance + "')]").entityList(Object.class).hasSize(0);
	}

	@Test
	void aWithdrawnItemIsReopenedAsADraftByItsOwnersStaffOrAnEditor() {
		String id = published("tongcheng", "通城县药姑山 " + suffix(), "ALLIANCE");
		this.testers.uploader("tongcheng").documentName("reopen").variable("id", id).execute()
			.errors().satisfy(errors -> assertClassified(errors, ErrorKind.CONFLICT));
		this.testers.editor("pingjiang").documentName("withdraw").variable("id", id).variable("reason", "活动改期")
			.execute();
		this.testers.uploader("liuyang").documentName("reopen").variable("id", id).execute()
			.errors().satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
		this.testers.uploader("tongcheng").documentName("reopen").variable("id", id).variable("note", "改期后重发")
			.execute()
			.path("reopen.status").entity(String.class).isEqualTo("DRAFT")
			.path("reopen.history[-1:].note").entityList(String.class).containsExactly("改期后重发")
			.path("reopen.history[-1:].byName").entityList(String.class).containsExactly("通城县融媒体中心");
		this.testers.uploader("tongcheng").documentName("submitForReview").variable("id", id).execute()
			.path("submitForReview.status").entity(String.class).isEqualTo("IN_REVIEW");
	}

	private List<String> preview(org.springframework.graphql.test.tester.HttpGraphQlTester tester, String member) {
		return tester.documentName("feedPreview").variable("memberId", member).variable("channel", "WECHAT")
			.execute()
			.path("feedPreview.edges[*].node.id").entityList(String.class).get();
	}

	private String published(String org, String title, String visibility) {
		String cover = upload(org);
		String id = this.testers.uploader(org).documentName("createContent")
			.variable("input", Map.of("kind", "ARTICLE", "title", title, "summary", "摘要", "body", "<p>正文</p>",
					"coverAssetId", cover, "visibility", visibility, "author", "李明"))
			.execute()
			.path("createContent.id").entity(String.class).get();
		this.testers.uploader(org).documentName("submitForReview").variable("id", id).execute();
		this.testers.editor("pingjiang").documentName("publish").variable("id", id).variable("channels", List.of("WECHAT"))
			.execute()
			.path("publish.__typename").entity(String.class).isEqualTo("Published");
		return id;
	}

	private String upload(String org) {
		return uploaded(org, "cover.jpg", uniqueJpeg("photos/mufu-summit-clouds.jpg"));
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}
}
