package org.mufu.hub.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.content.Uploads;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review queue lists what waits for an editor by when it was submitted, not when it was made, and includes
 * published items whose changes wait for approval.
 */
class ReviewQueueIT extends IntegrationTest {

	@Autowired
	Uploads uploads;

	@Test
	void itemsWaitInTheOrderTheyWereSubmittedWithPublishedItemsWhoseChangesAreInReview() {
		String madeFirst = draft("tongcheng", "隽水河夜景 " + suffix());
		String madeSecond = draft("xiushui", "修水县黄龙山 " + suffix());
		String neverSubmitted = draft("xiushui", "修水县宁红茶 " + suffix());
		String live = draft("tongcheng", "药姑山云海 " + suffix());
		submit("tongcheng", live);
		publish(live);
		submit("xiushui", madeSecond);
		submit("tongcheng", madeFirst);
		assertThat(mine(queue(), madeFirst, madeSecond, neverSubmitted, live)).containsExactly(madeSecond, madeFirst);

		// the live item's changes wait for approval from their submission on, after those submitted before them
		int version = this.testers.uploader("tongcheng").documentName("pendingChanges").variable("id", live).execute()
			.path("content.version").entity(Integer.class).get();
		this.testers.uploader("tongcheng").documentName("updateContent").variable("id", live)
			.variable("input", Map.of("title", "药姑山云海改期")).variable("expectedVersion", version).execute();
		assertThat(mine(queue(), madeFirst, madeSecond, live)).containsExactly(madeSecond, madeFirst);
		submit("tongcheng", live);
		List<Map<String, Object>> edges = queue();
		assertThat(mine(edges, madeFirst, madeSecond, neverSubmitted, live)).containsExactly(madeSecond, madeFirst,
				live);
		Map<String, Object> changes = node(edges, live);
		assertThat(changes.get("status")).isEqualTo("PUBLISHED");
		assertThat(changes).extractingByKey("submitted").asInstanceOf(
				org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("to", "IN_REVIEW")
			.containsEntry("byName", "通城县融媒体中心");

		// sent back, the changes leave the queue; the published version stays on its channels
		this.testers.editor("pingjiang").documentName("requestChanges").variable("id", live).variable("note", "标题再短些")
			.execute();
		assertThat(mine(queue(), madeFirst, madeSecond, live)).containsExactly(madeSecond, madeFirst);
		this.testers.editor("pingjiang").document("query($id: ID!) { content(id: $id) { submitted { at } } }")
			.variable("id", live).execute()
			.path("content.submitted").valueIsNull();
	}

	@Test
	void theQueueIsReadPageByPageWithItsCursors() {
		String first = draft("liuyang", "浏阳河 " + suffix());
		String second = draft("liuyang", "大围山 " + suffix());
		submit("liuyang", first);
		submit("liuyang", second);
		List<String> paged = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = this.testers.editor("pingjiang").documentName("reviewQueue")
				.variable("first", 1).variable("after", after).execute();
			List<String> ids = page.path("reviewQueue.edges[*].node.id").entityList(String.class).get();
			assertThat(ids).hasSizeLessThanOrEqualTo(1);
			paged.addAll(ids);
			more = page.path("reviewQueue.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("reviewQueue.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(paged).doesNotHaveDuplicates();
		assertThat(paged.stream().filter(id -> id.equals(first) || id.equals(second))).containsExactly(first, second);
		this.testers.channel("pingjiang").documentName("reviewQueue").execute()
			.errors().satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> queue() {
		List<Map<String, Object>> edges = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = this.testers.editor("liuyang").documentName("reviewQueue")
				.variable("first", 100).variable("after", after).execute();
			edges.addAll((List<Map<String, Object>>) (List<?>) page.path("reviewQueue.edges[*].node")
				.entityList(Map.class).get());
			more = page.path("reviewQueue.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("reviewQueue.pageInfo.endCursor").entity(String.class).get();
		}
		return edges;
	}

	private static List<String> mine(List<Map<String, Object>> nodes, String... ids) {
		List<String> wanted = List.of(ids);
		return nodes.stream().map(node -> (String) node.get("id")).filter(wanted::contains).toList();
	}

	private static Map<String, Object> node(List<Map<String, Object>> nodes, String id) {
		return nodes.stream().filter(node -> id.equals(node.get("id"))).findFirst().orElseThrow();
	}

	private String draft(String org, String title) {
		Caller staff = new Caller(org, Role.UPLOADER);
		String cover = uploaded(org, "cover.jpg", uniqueJpeg("photos/mufu-summit-clouds.jpg"));
		return this.testers.as(org, Role.UPLOADER).documentName("createContent")
			.variable("input", Map.of("kind", "ARTICLE", "title", title, "summary", "摘要", "body", "<p>正文</p>",
					"coverAssetId", cover, "visibility", "ALLIANCE", "author", "李明"))
			.execute()
			.path("createContent.id").entity(String.class).get();
	}

	private void submit(String org, String id) {
		this.testers.as(org, Role.UPLOADER).documentName("submitForReview").variable("id", id).execute()
			.path("submitForReview.id").entity(String.class).isEqualTo(id);
	}

	private void publish(String id) {
		this.testers.editor("pingjiang").documentName("publish").variable("id", id).variable("channels", List.of("WECHAT"))
			.execute()
			.path("publish.__typename").entity(String.class).isEqualTo("Published");
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}
}
