package org.mufu.hub.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.content.AssetService;
import org.mufu.hub.content.ContentService;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Files named by an item (cover, poster, a promotion's list, a picture in the body) are the owner's to use. */
class ReferencesIT extends IntegrationTest {

	@Autowired
	AssetService assets;

	@Autowired
	ContentService contents;

	@Autowired
	ContentIndex index;

	@LocalServerPort
	int port;

	@Test
	void anotherMembersUnsharedPictureInABodyOrAsACoverIsRefusedAndNothingIsStored() {
		String topic = topic();
		String unshared = uploaded("pingjiang", "photos/shiniuzhai-glass-bridge.jpg");

		for (Map<String, Object> input : List.of(article(topic, null, body(unshared)),
				article(topic, unshared, "<p>正文</p>"), promo(topic, Visibility.ALLIANCE, unshared))) {
			this.testers.uploader("tongcheng").documentName("createContent").variable("input", input)
				.execute()
				.errors()
				.satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
		}
		// an editor building its own member's item has that member's choice of files, no more
		this.testers.editor("liuyang").documentName("createContent").variable("input", article(topic, null, body(unshared)))
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));

		assertThat(this.index.contentUsingAsset(unshared)).isEmpty();
	}

	@Test
	void aSharedPictureTravelsCreditedAndStopsWhenItsOwnerStopsSharing() throws Exception {
		String topic = topic();
		String shared = uploaded("pingjiang", "photos/shiniuzhai-glass-bridge.jpg");
		String sharing = create("pingjiang", promo(topic, Visibility.ALLIANCE, shared));
		String cover = uploaded("tongcheng", "photos/huangpao-azaleas.jpg");

		String article = this.testers.uploader("tongcheng").documentName("createContent")
			.variable("input", article(topic, cover, body(shared)))
			.execute()
			.path("createContent.credits").entityList(String.class).contains("平江县融媒体中心")
			.path("createContent.id").entity(String.class).get();
		submitAndPublish("tongcheng", article, "WECHAT");
		String borrowing = create("tongcheng", promo(topic, Visibility.ALLIANCE, shared));
		assertThat(promoAssets("xiushui", borrowing)).containsExactly(shared);

		assertThat(wechatBody("xiushui", topic, article)).contains("data-asset-id=\"" + shared + "\"")
			.doesNotContain("https://x/p.jpg");
		assertThat(status("/media/" + shared + "/original", "xiushui", Role.CHANNEL)).isEqualTo(302);

		this.testers.uploader("pingjiang").documentName("updateContent")
			.variable("id", sharing)
			.variable("input", Map.of("visibility", "COUNTY"))
			.variable("expectedVersion", 1)
			.execute()
			.path("updateContent.version").entity(Integer.class).isEqualTo(2);

		assertThat(wechatBody("xiushui", topic, article)).contains("src=\"https://x/p.jpg\"");
		assertThat(promoAssets("xiushui", borrowing)).isEmpty();
		assertThat(promoAssets("pingjiang", borrowing)).containsExactly(shared);
		assertThat(status("/media/" + shared + "/original", "xiushui", Role.CHANNEL)).isEqualTo(403);
		assertThat(status("/media/" + shared + "/original", "pingjiang", Role.CHANNEL)).isEqualTo(302);
		// and no longer usable in a new item
		this.testers.uploader("xiushui").documentName("createContent").variable("input", article(topic, null, body(shared)))
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
	}

	@Test
	void deletingAnItemLeavesAnotherMembersPicturesItUsed() {
		String topic = topic();
		String shared = uploaded("pingjiang", "photos/shiniuzhai-glass-bridge.jpg");
		String sharing = create("pingjiang", promo(topic, Visibility.ALLIANCE, shared));
		String borrowing = create("tongcheng", promo(topic, Visibility.COUNTY, shared));
		Caller owner = new Caller("pingjiang", Role.UPLOADER);
		Callers.as(owner, () -> this.contents.delete(owner, sharing));

		this.testers.uploader("tongcheng").documentName("deleteContent").variable("id", borrowing)
			.execute()
			.path("deleteContent.deletedAssetIds").entityList(String.class).hasSize(0);

		assertThat(this.assets.find(shared)).isPresent();
	}

	@Test
	void sharingStatsNoLongerShowAnItemItsOwnerStoppedSharing() {
		String topic = topic();
		String id = create("pingjiang", promo(topic, Visibility.ALLIANCE, uploaded("pingjiang",
				"photos/pingjiang-jianggan.jpg")));
		submitAndPublish("pingjiang", id, "WEBSITE");
		this.testers.channel("tongcheng").documentName("feed").variable("channel", "WEBSITE").variable("first", 5)
			.variable("topics", List.of(topic))
			.execute()
			.path("feed.edges[*].node.id").entityList(String.class).containsExactly(id);
		assertThat(sharedContentIds("tongcheng")).contains(id);

		int version = this.contents.find(id).orElseThrow().version();
		this.testers.uploader("pingjiang").documentName("updateContent")
			.variable("id", id)
			.variable("input", Map.of("visibility", "COUNTY"))
			.variable("expectedVersion", version)
			.execute();
		submitAndPublish("pingjiang", id, "WEBSITE");

		this.testers.uploader("tongcheng").documentName("content").variable("id", id)
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
		assertThat(sharedContentIds("tongcheng")).doesNotContain(id);
		assertThat(sharedContentIds("pingjiang")).contains(id);
	}

	private enum Visibility {
		COUNTY, ALLIANCE
	}

	private List<String> promoAssets(String org, String id) {
		return this.testers.uploader(org).document("query($id: ID!) { content(id: $id) { assets { id } } }")
			.variable("id", id)
			.execute()
			.path("content.assets[*].id")
			.entityList(String.class)
			.get();
	}

	private List<String> sharedContentIds(String org) {
		return this.testers.uploader(org).documentName("sharingStats")
			.execute()
			.path("sharingStats.rows[*].content.id")
			.entityList(String.class)
			.get();
	}

	private String wechatBody(String org, String topic, String id) {
		GraphQlTester.Response feed = this.testers.channel(org).documentName("feed")
			.variable("channel", "WECHAT")
			.variable("first", 5)
			.variable("topics", List.of(topic))
			.execute();
		feed.path("feed.edges[*].node.id").entityList(String.class).containsExactly(id);
		return feed.path("feed.edges[0].node.body").entity(String.class).get();
	}

	private void submitAndPublish(String owner, String id, String channel) {
		this.testers.uploader(owner).documentName("submitForReview").variable("id", id).execute();
		this.testers.editor("liuyang").documentName("publish").variable("id", id).variable("channels", List.of(channel))
			.execute()
			.path("publish.__typename").entity(String.class).isEqualTo("Published");
	}

	private String create(String org, Map<String, Object> input) {
		return this.testers.uploader(org).documentName("createContent").variable("input", input)
			.execute()
			.path("createContent.id").entity(String.class).get();
	}

	private String uploaded(String org, String samplePath) {
		return uploaded(org, "file.jpg", uniqueJpeg(samplePath));
	}

	private int status(String path, String org, Role role) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", "Bearer " + this.tokens.issue(org, role))
				.GET()
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static String body(String assetId) {
		return "<p>石牛寨玻璃桥</p><img src=\"https://x/p.jpg\" data-asset-id=\"" + assetId + "\">";
	}

	private static Map<String, Object> article(String topic, String cover, String body) {
		Map<String, Object> input = new java.util.HashMap<>(Map.of("kind", "ARTICLE", "title", "黄袍山与石牛寨",
				"summary", "两地联游", "body", body, "topics", List.of(topic), "visibility", "ALLIANCE", "author", "李明"));
		if (cover != null) {
			input.put("coverAssetId", cover);
		}
		return input;
	}

	private static Map<String, Object> promo(String topic, Visibility visibility, String picture) {
		return Map.of("kind", "PROMO", "title", "石牛寨宣传图", "topics", List.of(topic), "visibility", visibility.name(),
				"assetIds", List.of(picture));
	}

	private static String topic() {
		return "refs-" + UUID.randomUUID();
	}
}
