package org.mufu.hub.feed;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.mufu.hub.Drafts;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.content.ContentInput;
import org.mufu.hub.content.ContentService;
import org.mufu.hub.content.Visibility;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class FeedIT extends IntegrationTest {

	@Autowired
	ContentService contents;

	@Autowired
	PublishingService publishing;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Test
	void photoPublishedToAllThreeChannelsComesWithExactlySizedRenditions() throws Exception {
		String topic = topic();
		String poster = uploaded("pingjiang", uniqueJpeg("photos/mufu-summit-clouds.jpg"));
		String clip = uploaded("pingjiang", sample("videos/mufu-summit-vertical.mp4"));
		String article = create("pingjiang", article("幕阜山云海", poster, topic));
		String video = create("pingjiang", Drafts.video("幕阜山竖屏云海").clip(clip, poster).topics(topic).alliance().input());
		submitAndPublish(article, "TV", "WECHAT");
		submitAndPublish(video, "SHORT_VIDEO");

		Map<String, int[]> expected = Map.of("tv-landscape", new int[] { 1920, 1080 }, "wechat-cover",
				new int[] { 900, 383 }, "wechat-square", new int[] { 300, 300 }, "vertical-cover", new int[] { 1080, 1920 });
		for (String channel : List.of("TV", "WECHAT", "SHORT_VIDEO")) {
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> covers = feed("xiushui", channel, topic, 10, null)
				.path("feed.edges[0].node.covers").entityList(Map.class).get().stream()
				.map(cover -> (Map<String, Object>) cover).toList();
			assertThat(covers).as(channel).isNotEmpty();
			for (Map<String, Object> cover : covers) {
				int[] size = expected.get((String) cover.get("name"));
				var image = ImageIO.read(new ByteArrayInputStream(download((String) cover.get("url"))));
				assertThat(new int[] { image.getWidth(), image.getHeight() }).as((String) cover.get("name"))
					.containsExactly(size);
				assertThat(cover).containsEntry("width", size[0]).containsEntry("height", size[1]);
			}
		}
		feed("xiushui", "SHORT_VIDEO", topic, 10, null)
			.path("feed.edges[0].node.video.height").entity(Integer.class).isEqualTo(640)
			.path("feed.edges[0].node.video.url").entity(String.class).satisfies(url -> assertThat(url).startsWith("http"));
	}

	@Test
	void fortyOneCharacterTitleKeepsAnItemOffWeChatUntilAnOverride() {
		String title = "幕阜山".repeat(13) + "云海";
		assertThat(title.length()).isEqualTo(41);
		String id = create("tongcheng", article(title, uploaded("tongcheng", uniqueJpeg("photos/huangpao-azaleas.jpg")),
				topic()));
		this.testers.uploader("tongcheng").documentName("submitForReview").variable("id", id).execute();

		this.testers.editor("liuyang").documentName("publish").variable("id", id).variable("channels", List.of("WECHAT"))
			.execute()
			.path("publish.__typename").entity(String.class).isEqualTo("NotReady")
			.path("publish.channels[0].reasons").entityList(String.class)
			.contains("微信标题最多 32 个字，现在是 41 个字。");
		this.testers.editor("liuyang").mutate().header("Accept-Language", "en").build()
			.documentName("channelReadiness").variable("contentId", id)
			.execute()
			.path("channelReadiness[?(@.channel == 'WECHAT')].reasons[*]").entityList(String.class)
			.contains("WeChat title has 41 characters; the limit is 32.")
			.path("channelReadiness[?(@.channel == 'WECHAT')].reasonDetails[*].code").entityList(String.class)
			.contains("title-too-long")
			.path("channelReadiness[?(@.channel == 'WECHAT')].reasonDetails[?(@.code == 'title-too-long')].field")
			.entityList(String.class)
			.containsExactly("title");

		this.testers.editor("liuyang").documentName("setChannelOverride").variable("id", id).variable("channel", "WECHAT")
			.variable("override", Map.of("title", "幕阜山云海")).execute();

		this.testers.editor("liuyang").documentName("channelReadiness").variable("contentId", id)
			.execute()
			.path("channelReadiness[?(@.channel == 'WECHAT')].ready").entityList(Boolean.class).containsExactly(true);
		this.testers.editor("liuyang").documentName("publish").variable("id", id).variable("channels", List.of("WECHAT"))
			.execute()
			.path("publish.__typename").entity(String.class).isEqualTo("Published");
	}

	@Test
	void smallSourceGivesTheReasonForAMissingVerticalCover() {
		String small = uploaded("liuyang", smallJpeg());
		String clip = uploaded("liuyang", sample("videos/mufu-summit-vertical.mp4"));
		String id = create("liuyang", Drafts.video("浏阳河竖屏").clip(clip, small).county().input());

		this.testers.editor("liuyang").documentName("channelReadiness").variable("contentId", id)
			.execute()
			.path("channelReadiness[?(@.channel == 'SHORT_VIDEO')].reasons[*]").entityList(String.class)
			.contains("无法生成短视频竖版封面（9:16）：原图 800x600 太小，做不了 1080x1920 的版本。")
			.path("channelReadiness[?(@.channel == 'SHORT_VIDEO')].reasonDetails[?(@.code == 'cover-too-small')].field")
			.entityList(String.class)
			.containsExactly("cover");
		this.testers.editor("liuyang").mutate().header("Accept-Language", "en").build()
			.documentName("channelReadiness").variable("contentId", id)
			.execute()
			.path("channelReadiness[?(@.channel == 'SHORT_VIDEO')].reasons[*]").entityList(String.class)
			.contains("no short-video vertical cover (9:16): source 800x600 is smaller than 1080x1920 allows.");
	}

	@Test
	void pagingSevenAtATimeWhilePublishingSeesEveryItemOnce() {
		String topic = topic();
		int total = 500;
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			ids.add(create("xiushui",
					Drafts.article("修水新闻 " + i).body("<p>第" + i + "条</p>").topics(topic).alliance().input()));
		}
		Caller editor = new Caller("tongcheng", Role.EDITOR);
		ids.forEach(id -> Callers.as(new Caller("xiushui", Role.UPLOADER),
				() -> this.publishing.submitForReview(new Caller("xiushui", Role.UPLOADER), id, null)));
		CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> ids.forEach(id -> Callers.as(editor,
				() -> this.publishing.publish(editor, id, List.of("WEBSITE"), null, null))));

		List<String> seen = new ArrayList<>();
		String cursor = null;
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (seen.size() < total && System.nanoTime() < deadline) {
			GraphQlTester.Response page = feed("pingjiang", "WEBSITE", topic, 7, cursor);
			List<String> pageIds = page.path("feed.edges[*].node.id").entityList(String.class).get();
			assertThat(pageIds.size()).isLessThanOrEqualTo(7);
			seen.addAll(pageIds);
			if (!pageIds.isEmpty()) {
				cursor = page.path("feed.edges[" + (pageIds.size() - 1) + "].cursor").entity(String.class).get();
			}
		}
		publisher.join();

		assertThat(seen).hasSize(total).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void channelAppSeesItsOwnItemsAndOtherMembersAllianceItemsOnly() {
		String topic = topic();
		String own = publishedPromo("tongcheng", Visibility.COUNTY, topic);
		String shared = publishedPromo("pingjiang", Visibility.ALLIANCE, topic);
		String countyOnly = publishedPromo("pingjiang", Visibility.COUNTY, topic);

		List<String> seen = feed("tongcheng", "WEBSITE", topic, 20, null).path("feed.edges[*].node.id")
			.entityList(String.class).get();

		assertThat(seen).contains(own, shared).doesNotContain(countyOnly);
		this.testers.editor("tongcheng").documentName("sharingStats")
			.execute()
			.path("sharingStats.rows[?(@.content.id == '" + shared + "')].receiver").entityList(String.class)
			.contains("tongcheng");
		this.testers.channel("xiushui").documentName("sharingStats")
			.execute()
			.path("sharingStats.rows[?(@.content.id == '" + shared + "')]").entityList(Object.class).hasSize(0);
	}

	@Test
	void scheduledItemAppearsAtItsTime() {
		String topic = topic();
		String id = create("liuyang", promo("浏阳花炮预告", Visibility.ALLIANCE, topic, uploaded("liuyang",
				uniqueJpeg("photos/liuyang-fireworks.jpg"))));
		this.testers.uploader("liuyang").documentName("submitForReview").variable("id", id).execute();
		Instant at = Instant.now().plusSeconds(2);
		this.testers.editor("tongcheng").documentName("publish").variable("id", id).variable("channels", List.of("WEBSITE"))
			.variable("publishAt", at.toString()).execute()
			.path("publish.__typename").entity(String.class).isEqualTo("Published");

		assertThat(ids(feed("liuyang", "WEBSITE", topic, 5, null))).isEmpty();
		List<String> later = List.of();
		while (later.isEmpty() && Instant.now().isBefore(at.plusSeconds(10))) {
			later = ids(feed("liuyang", "WEBSITE", topic, 5, null));
		}
		assertThat(later).containsExactly(id);
		assertThat(Instant.now()).isAfterOrEqualTo(at);
	}

	@Test
	void reviewStepsAreRecordedAndWithdrawnItemsLeaveTheFeed() {
		String topic = topic();
		String id = create("xiushui", promo("宁红茶海报", Visibility.ALLIANCE, topic,
				uploaded("xiushui", uniqueJpeg("photos/ninghong-tea-garden.jpg"))));
		this.testers.uploader("xiushui").documentName("submitForReview").variable("id", id).execute();
		this.testers.editor("tongcheng").documentName("requestChanges").variable("id", id)
			.variable("note", "请补充拍摄地点")
			.execute()
			.path("requestChanges.status").entity(String.class).isEqualTo("DRAFT")
			.path("requestChanges.history[1].note").entity(String.class).isEqualTo("请补充拍摄地点");
		this.testers.uploader("xiushui").documentName("submitForReview").variable("id", id).execute();
		this.testers.uploader("xiushui").documentName("publish").variable("id", id).variable("channels", List.of("WEBSITE"))
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
		this.testers.editor("tongcheng").documentName("publish").variable("id", id).variable("channels", List.of("WEBSITE"))
			.execute();
		assertThat(ids(feed("xiushui", "WEBSITE", topic, 5, null))).containsExactly(id);

		this.testers.editor("tongcheng").documentName("withdraw").variable("id", id).variable("reason", "图片授权到期")
			.execute()
			.path("withdraw.history[*].to").entityList(String.class)
			.containsExactly("IN_REVIEW", "DRAFT", "IN_REVIEW", "PUBLISHED", "WITHDRAWN");
		assertThat(ids(feed("xiushui", "WEBSITE", topic, 5, null))).isEmpty();
	}

	@Test
	void mediaRedirectsToAShortLivedUrlForThoseWhoMaySee() throws Exception {
		String picture = uploaded("pingjiang", uniqueJpeg("photos/pingjiang-jianggan.jpg"));
		publishedPromo("pingjiang", Visibility.COUNTY, topic(), picture);

		HttpResponse<Void> mine = get("/media/" + picture + "/wechat-square", "pingjiang", Role.CHANNEL);
		assertThat(mine.statusCode()).isEqualTo(302);
		var image = ImageIO.read(new ByteArrayInputStream(download(mine.headers().firstValue("Location").orElseThrow())));
		assertThat(image.getWidth()).isEqualTo(300);
		assertThat(mine.headers().firstValue("Location").orElseThrow()).contains("-f500500.jpg");

		this.testers.uploader("pingjiang").documentName("setFocalPoint").variable("assetId", picture).variable("x", 0.2)
			.variable("y", 0.5).execute();

		assertThat(get("/media/" + picture + "/wechat-square", "pingjiang", Role.CHANNEL).headers()
			.firstValue("Location").orElseThrow()).contains("-f200500.jpg");
		assertThat(get("/media/" + picture + "/original", "xiushui", Role.CHANNEL).statusCode()).isEqualTo(403);
		assertThat(get("/media/" + picture + "/original", "xiushui", Role.EDITOR).statusCode()).isEqualTo(302);
	}

	private String publishedPromo(String org, Visibility visibility, String topic) {
		return publishedPromo(org, visibility, topic, uploaded(org, uniqueJpeg("photos/pingjiang-jianggan.jpg")));
	}

	private String publishedPromo(String org, Visibility visibility, String topic, String picture) {
		String id = create(org, promo("宣传 " + UUID.randomUUID(), visibility, topic, picture));
		submitAndPublish(id, "WEBSITE");
		return id;
	}

	private void submitAndPublish(String id, String... channels) {
		String owner = this.contents.find(id).orElseThrow().owner();
		this.testers.uploader(owner).documentName("submitForReview").variable("id", id).execute();
		this.testers.editor("tongcheng").documentName("publish").variable("id", id).variable("channels", List.of(channels))
			.execute()
			.path("publish.__typename").entity(String.class).isEqualTo("Published");
	}

	private GraphQlTester.Response feed(String org, String channel, String topic, int first, String after) {
		Map<String, Object> variables = new HashMap<>(Map.of("channel", channel, "first", first, "topics", List.of(topic)));
		if (after != null) {
			variables.put("after", after);
		}
		GraphQlTester.Request<?> request = this.testers.channel(org).documentName("feed");
		for (var variable : variables.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		return request.execute();
	}

	private static List<String> ids(GraphQlTester.Response feed) {
		return feed.path("feed.edges[*].node.id").entityList(String.class).get();
	}

	private String uploaded(String org, byte[] bytes) {
		return uploaded(org, "file", bytes);
	}

	private String create(String org, ContentInput input) {
		Caller caller = new Caller(org, Role.UPLOADER);
		return Callers.as(caller, () -> this.contents.create(caller, input)).id();
	}

	private static ContentInput article(String title, String cover, String topic) {
		return Drafts.article(title).summary("摘要").body("<p>正文</p>").cover(cover).topics(topic).alliance()
			.author("李明").input();
	}

	private static ContentInput promo(String title, Visibility visibility, String topic, String picture) {
		return Drafts.promo(title).pictures(picture).topics(topic).visibility(visibility).input();
	}

	private static String topic() {
		return "test-" + UUID.randomUUID();
	}

	private static byte[] smallJpeg() {
		var image = new java.awt.image.BufferedImage(800, 600, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var out = new java.io.ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private HttpResponse<Void> get(String path, String org, Role role) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + this.tokens.issue(org, role))
			.GET()
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private static byte[] download(String url) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}
}
