package org.mufu.hub.feed;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.Multipart;
import org.mufu.hub.security.Role;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Titles, digests, tags and file names reach every reader as text, whatever was typed or uploaded. */
class PlainTextIT extends IntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void markupAndOverridesInAnItemsTextNeverReachTheWeChatFeed() {
		String topic = "plain-" + UUID.randomUUID();
		String cover = uploaded("liuyang", uniqueJpeg("photos/liuyang-fireworks.jpg"));
		Map<String, Object> input = Map.of("kind", "ARTICLE", "title", "<svg onload=alert(1)>浏阳\u202E花炮节",
				"body", "<p>&lt;script&gt;alert(1)&lt;/script&gt;花炮节开幕</p>", "coverAssetId", cover,
				"tags", List.of("花炮\u200F", "<b>烟花</b>"), "topics", List.of(topic), "visibility", "ALLIANCE",
				"author", "张三\u0007");

		String id = this.testers.uploader("liuyang").documentName("createContent").variable("input", input)
			.execute()
			.path("createContent.title").entity(String.class).isEqualTo("浏阳花炮节")
			.path("createContent.tags").entityList(String.class).containsExactly("花炮", "烟花")
			.path("createContent.id").entity(String.class).get();
		this.testers.uploader("liuyang").documentName("submitForReview").variable("id", id).execute();
		this.testers.editor("tongcheng").documentName("publish").variable("id", id).variable("channels", List.of("WECHAT"))
			.execute()
			.path("publish.__typename").entity(String.class).isEqualTo("Published");

		this.testers.channel("xiushui").documentName("feed").variable("channel", "WECHAT").variable("first", 5)
			.variable("topics", List.of(topic))
			.execute()
			.path("feed.edges[0].node.title").entity(String.class).isEqualTo("浏阳花炮节")
			.path("feed.edges[0].node.author").entity(String.class).isEqualTo("张三")
			.path("feed.edges[0].node.digest").entity(String.class).satisfies(digest -> assertThat(digest)
				.doesNotContain("<").contains("花炮节开幕"))
			.path("feed.edges[0].node.body").entity(String.class).satisfies(body -> assertThat(body)
				.doesNotContain("<script").contains("&lt;script&gt;"));
	}

	@Test
	void anUploadedFileNameLosesItsRightToLeftOverride() throws Exception {
		HttpResponse<String> answer = Multipart.post(this.port, this.tokens.issue("tongcheng", Role.UPLOADER),
				"invoice\u202Egpj.exe", uniqueJpeg("photos/huangpao-azaleas.jpg"));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("\"filename\":\"invoicegpj.exe\"");
	}

	private String uploaded(String org, byte[] bytes) {
		return uploaded(org, "cover.jpg", bytes);
	}
}
