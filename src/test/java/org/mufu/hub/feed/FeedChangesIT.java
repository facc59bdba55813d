package org.mufu.hub.feed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mufu.hub.Drafts;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.content.ContentService;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published item edited: the edit waits for review while the channels keep the published version, and once an
 * editor approves it the apps that received the item are told, in log order, without receiving it twice.
 */
class FeedChangesIT extends IntegrationTest {

	@Autowired
	ContentService contents;

	@Test
	void anEditToAPublishedItemWaitsForReviewAndAppsAreToldOnceItIsApproved() {
		String topic = "test-" + UUID.randomUUID();
		String id = create("tongcheng", "黄袍山杜鹃节", topic);
		publish(id);
		GraphQlTester.Response first = feed("feed", "tongcheng", topic, null);
		assertThat(first.path("feed.edges[*].node.id").entityList(String.class).get()).containsExactly(id);
		String cursor = first.path("feed.pageInfo.endCursor").entity(String.class).get();
		int version = this.testers.uploader("tongcheng").documentName("pendingChanges").variable("id", id).execute()
			.path("content.version").entity(Integer.class).get();

		// the county's staff edit the live item and ask for it to be shared with the alliance
		this.testers.uploader("tongcheng").documentName("updateContent").variable("id", id)
			.variable("input", Map.of("title", "黄袍山杜鹃节改期", "visibility", "ALLIANCE"))
			.variable("expectedVersion", version)
			.execute()
			.path("updateContent.title").entity(String.class).isEqualTo("黄袍山杜鹃节");
		this.testers.uploader("tongcheng").documentName("setChannelOverride").variable("id", id)
			.variable("channel", "WEBSITE")
			.variable("override", Map.of("title", "杜鹃节改期")).execute();
		this.testers.uploader("tongcheng").documentName("pendingChanges").variable("id", id).execute()
			.path("content.status").entity(String.class).isEqualTo("PUBLISHED")
			.path("content.visibility").entity(String.class).isEqualTo("COUNTY")
			.path("content.pending.title").entity(String.class).isEqualTo("黄袍山杜鹃节改期")
			.path("content.pending.status").entity(String.class).isEqualTo("DRAFT")
			.path("content.pending.overrides[0].title").entity(String.class).isEqualTo("杜鹃节改期");
		assertThat(titles(feed("feed", "tongcheng", topic, null), "feed")).containsExactly("黄袍山杜鹃节");
		assertThat(ids(feed("feed", "pingjiang", topic, null), "feed")).isEmpty();
		assertThat(ids(feed("feedChanges", "tongcheng", topic, cursor), "feedChanges")).isEmpty();
		// changes in DRAFT are not an editor's to approve yet: publishing again keeps the published version
		this.testers.editor("liuyang").documentName("publish").variable("id", id).variable("channels", List.of("WEBSITE"))
			.execute();
		assertThat(titles(feed("feed", "tongcheng", topic, null), "feed")).containsExactly("黄袍山杜鹃节");

		this.testers.uploader("tongcheng").documentName("submitForReview").variable("id", id).execute();
		this.testers.editor("liuyang").documentName("contents")
			.variable("filter", Map.of("status", "IN_REVIEW", "owner", "tongcheng", "text", "杜鹃节"))
			.variable("first", 50)
			.execute()
			.path("contents[*].id").entityList(String.class).contains(id);
		this.testers.editor("liuyang").documentName("publish").variable("id", id).variable("channels", List.of("WEBSITE"))
			.execute()
			.path("publish.content.history[-1:].note").entityList(String.class).containsExactly("changes approved, to WEBSITE");

		GraphQlTester.Response told = feed("feedChanges", "tongcheng", topic, cursor);
		told.path("feedChanges.edges[*].node.change").entityList(String.class).containsExactly("CHANGED");
		told.path("feedChanges.edges[0].node.item.title").entity(String.class).isEqualTo("杜鹃节改期");
		told.path("feedChanges.edges[0].node.contentId").entity(String.class).isEqualTo(id);
		assertThat(ids(feed("feed", "tongcheng", topic, cursor), "feed")).isEmpty();
		assertThat(ids(feed("feed", "pingjiang", topic, null), "feed")).containsExactly(id);
		String toldUpTo = told.path("feedChanges.pageInfo.endCursor").entity(String.class).get();
		String otherUpTo = feed("feedChanges", "pingjiang", topic, toldUpTo).path("feedChanges.pageInfo.endCursor")
			.entity(String.class).get();

		// narrowed back to the county by an editor: the other member's apps hear it is gone, the owner's that it changed
		int now = this.testers.editor("liuyang").documentName("pendingChanges").variable("id", id).execute()
			.path("content.version").entity(Integer.class).get();
		this.testers.editor("liuyang").documentName("updateContent").variable("id", id)
			.variable("input", Map.of("visibility", "COUNTY")).variable("expectedVersion", now).execute();
		this.testers.editor("liuyang").documentName("submitForReview").variable("id", id).execute();
		this.testers.editor("liuyang").documentName("publish").variable("id", id).variable("channels", List.of("WEBSITE"))
			.execute();
		assertThat(kinds(feed("feedChanges", "tongcheng", topic, toldUpTo))).containsExactly("CHANGED");
		assertThat(kinds(feed("feedChanges", "pingjiang", topic, otherUpTo))).containsExactly("WITHDRAWN");

		this.testers.editor("liuyang").documentName("withdraw").variable("id", id).variable("reason", "活动取消")
			.execute();
		GraphQlTester.Response afterWithdrawal = feed("feedChanges", "tongcheng", topic, toldUpTo);
		assertThat(kinds(afterWithdrawal)).containsExactly("CHANGED", "WITHDRAWN");
		// the change came before the withdrawal: the item it would show has left the channel
		afterWithdrawal.path("feedChanges.edges[0].node.item").valueIsNull();
		assertThat(kinds(feed("feedChanges", "pingjiang", topic, otherUpTo))).containsExactly("WITHDRAWN");
		assertThat(ids(feed("feed", "tongcheng", topic, null), "feed")).isEmpty();
	}

	@Test
	void aMovedFocalPointRecutsTheCoverAndAppsAreToldTheItemChanged() {
		String topic = "test-" + UUID.randomUUID();
		String id = create("tongcheng", "通城药姑山云海", topic);
		String picture = this.contents.find(id).orElseThrow().coverSourceId();
		publish(id, "TV");
		GraphQlTester.Response first = feed("feed", "TV", "tongcheng", topic, null);
		assertThat(first.path("feed.edges[0].node.covers[0].url").entity(String.class).get())
			.contains("/renditions/tv-landscape-1920x1080-f500500.jpg");
		String cursor = first.path("feed.pageInfo.endCursor").entity(String.class).get();

		this.testers.uploader("tongcheng").documentName("setFocalPoint").variable("assetId", picture).variable("x", 0.2)
			.variable("y", 0.3).execute();

		GraphQlTester.Response told = feed("feedChanges", "TV", "tongcheng", topic, cursor);
		assertThat(kinds(told)).containsExactly("CHANGED");
		told.path("feedChanges.edges[0].node.contentId").entity(String.class).isEqualTo(id);
		assertThat(feed("feed", "TV", "tongcheng", topic, null).path("feed.edges[0].node.covers[0].url")
			.entity(String.class).get()).contains("/renditions/tv-landscape-1920x1080-f200300.jpg");
		assertThat(ids(feed("feed", "TV", "tongcheng", topic, cursor), "feed")).isEmpty();
	}

	@Test
	void aPublishedItemWithoutChangesHasNothingToSubmit() {
		String id = create("xiushui", "修水宁红茶", "test-" + UUID.randomUUID());
		publish(id);

		this.testers.uploader("xiushui").documentName("submitForReview").variable("id", id).execute().errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.CONFLICT));
	}

	private void publish(String id) {
		publish(id, "WEBSITE");
	}

	private void publish(String id, String channel) {
		String owner = this.contents.find(id).orElseThrow().owner();
		this.testers.uploader(owner).documentName("submitForReview").variable("id", id).execute();
		this.testers.editor("liuyang").documentName("publish").variable("id", id).variable("channels", List.of(channel))
			.execute()
			.path("publish.__typename").entity(String.class).isEqualTo("Published");
	}

	private GraphQlTester.Response feed(String document, String org, String topic, String after) {
		return feed(document, "WEBSITE", org, topic, after);
	}

	private GraphQlTester.Response feed(String document, String channel, String org, String topic, String after) {
		Map<String, Object> variables = new HashMap<>(Map.of("channel", channel, "first", 20, "topics", List.of(topic)));
		if (after != null) {
			variables.put("after", after);
		}
		GraphQlTester.Request<?> request = this.testers.channel(org).documentName(document);
		for (var variable : variables.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		return request.execute();
	}

	private static List<String> ids(GraphQlTester.Response response, String field) {
		String path = field.equals("feed") ? "feed.edges[*].node.id" : "feedChanges.edges[*].node.contentId";
		return response.path(path).entityList(String.class).get();
	}

	private static List<String> titles(GraphQlTester.Response response, String field) {
		return response.path(field + ".edges[*].node.title").entityList(String.class).get();
	}

	private static List<String> kinds(GraphQlTester.Response response) {
		return response.path("feedChanges.edges[*].node.change").entityList(String.class).get();
	}

	private String create(String org, String title, String topic) {
		Caller caller = new Caller(org, Role.UPLOADER);
		String picture = uploaded(org, "poster.jpg", jpeg());
		return Callers.as(caller, () -> this.contents.create(caller,
				Drafts.promo(title).pictures(picture).topics(topic).county().input())).id();
	}

	private static byte[] jpeg() {
		var image = new java.awt.image.BufferedImage(1920, 1080, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(new java.awt.Color(UUID.randomUUID().hashCode()));
		graphics.fillRect(0, 0, 1920, 1080);
		graphics.dispose();
		var out = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(image, "jpg", out);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}
}
