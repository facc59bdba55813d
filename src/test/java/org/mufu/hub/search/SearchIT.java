package org.mufu.hub.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import net.coobird.thumbnailator.Thumbnails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mufu.hub.Drafts;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.content.ContentService;
import org.mufu.hub.index.IndexNames;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class SearchIT extends IntegrationTest {

	@Autowired
	SearchService search;

	@Autowired
	ContentService contents;

	@Autowired
	ElasticsearchClient client;

	@Autowired
	IndexNames names;

	@Autowired
	org.mufu.hub.index.ContentIndex index;

	@ParameterizedTest
	@CsvSource({ "黄袍山杜鹃, 黄袍山万亩杜鹃进入盛花期", "G106国道, 沿G106国道自驾 串起湘鄂赣三县风光",
			"2025花炮节, 2025花炮节开幕 浏阳河上空焰火绽放九十分钟", "平江酱干, 一块酱干的二十道工序：走进平江酱干作坊",
			"宁红茶, 宁红茶开采 修水茶农忙春耕", "幕阜山云海, 幕阜山主峰云海再现 清晨登顶正当时",
			"大围山日出, 大围山秋季徒步路线推荐：七星岭看日出" })
	void chineseQueryFindsTheArticleInTheTopThree(String query, String title) {
		List<String> titles = this.testers.editor("xiushui").documentName("search").variable("query", query)
			.variable("first", 3)
			.execute()
			.path("search.edges[*].node.title").entityList(String.class).get();

		assertThat(titles).contains(title);
	}

	@Test
	void highlightsMarkWholeWords() {
		this.testers.editor("xiushui").documentName("search").variable("query", "黄袍山").variable("first", 1)
			.execute()
			.path("search.edges[0].highlights[*].fragments[*]").entityList(String.class)
			.satisfies(fragments -> assertThat(String.join(" ", fragments)).contains("<em>黄袍山</em>"));
	}

	@Test
	void highlightsMarkTheWordsOfAHitFoundByItsWordsApart() {
		String id = article("幕阜山主峰初雪 云海雾凇同框", "<p>通城县幕阜山主峰今晨迎来今冬初雪，云海与雾凇同时出现。</p>");

		assertThat(highlighted("幕阜山雾凇", id)).contains("<em>幕阜山</em>", "<em>雾凇</em>")
			.doesNotContain("<em>幕阜山雾凇</em>");
	}

	@Test
	void highlightsAreEscapedHtmlWithReadableChinese() {
		String id = article("<img src=x onerror=alert(1)>锦江漂流季", "<p>漂流，锦江之上 1 &lt; 2</p>");

		// the title is plain text, so the tag never reached the index; the body's escaped text stays escaped
		assertThat(highlighted("锦江漂流", id))
			.contains("<em>锦江漂流</em>", "<em>漂流</em>，<em>锦江</em>", "1 &lt; 2")
			.doesNotContain("<img", "onerror", "&#xff0c;");
	}

	@Test
	void facetCountsEqualTheCountsOfMatchingItems() {
		Map<String, Long> owners = facet(null, "owner");
		for (var owner : owners.entrySet()) {
			long filtered = find(editor(), null,
					filter(List.of(owner.getKey()), null, null), null, 1, null).totalCount();
			assertThat(filtered).as(owner.getKey()).isEqualTo(owner.getValue());
		}
		long total = find(editor(), null, null, null, 1, null).totalCount();
		assertThat(owners.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
	}

	@Test
	void pagingThroughFifteenThousandHitsGivesEachOnce() throws IOException {
		String tag = "bulk-" + UUID.randomUUID();
		List<String> ids = bulk(tag, 0, 15_000);

		Set<String> seen = new HashSet<>();
		int pages = 0;
		String after = null;
		SearchResult page;
		do {
			page = find(editor(), null, filter(null, List.of(tag), null), null, 100, after);
			page.hits().forEach(hit -> assertThat(seen.add(hit.id())).as(hit.id()).isTrue());
			after = page.endCursor();
			pages++;
		}
		while (page.hasNextPage() && pages < 200);

		this.index.deleteContents(ids);

		assertThat(page.totalCount()).isEqualTo(15_000);
		assertThat(seen).hasSize(15_000);
		// the 150th page is the last and says so: no empty page after it
		assertThat(pages).isEqualTo(150);
	}

	@Test
	void onlyPagingOpensAPointInTimeAndPagesFromItKeepTheirSnapshot() throws IOException {
		String tag = "snapshot-" + UUID.randomUUID();
		List<String> ids = bulk(tag, 0, 30);
		SearchFilter filter = filter(null, List.of(tag), null);

		long before = openContexts();
		SearchResult first = find(editor(), null, filter, null, 10, null);
		long afterFirst = openContexts();
		SearchResult second = find(editor(), null, filter, null, 10, first.endCursor());
		long afterSecond = openContexts();
		// ten more items arrive; they sort after all the others, so read live they would fill a fourth page
		ids.addAll(bulk(tag, 30, 40));
		SearchResult third = find(editor(), null, filter, null, 10, second.endCursor());
		SearchResult fourth = find(editor(), null, filter, null, 10, third.endCursor());
		this.index.deleteContents(ids);

		assertThat(afterFirst).isLessThanOrEqualTo(before);
		assertThat(afterSecond).isGreaterThan(afterFirst);
		List<String> read = new ArrayList<>();
		List.of(first, second, third).forEach(page -> page.hits().forEach(hit -> read.add(hit.id())));
		assertThat(read).containsExactlyElementsOf(ids.subList(0, 30));
		assertThat(third.totalCount()).isEqualTo(30);
		assertThat(third.hasNextPage()).isFalse();
		assertThat(fourth.hits()).isEmpty();
	}

	@Test
	void placeFilterReturnsExactlyTheItemsInsideTheRadius() {
		String topic = "geo-" + UUID.randomUUID();
		// 黄袍山 is at 29.1380, 113.6590; a hundredth of a degree of latitude is about 1.11 km
		String inside = located(topic, 29.1380 + 0.03, 113.6590);
		String edge = located(topic, 29.1380, 113.6590 + 0.045);
		String outside = located(topic, 29.1380 + 0.06, 113.6590);

		SearchResult found = find(editor(), null,
				new SearchFilter(null, null, null, null, List.of(topic), null, null, null, null, null,
						new SearchFilter.Near(null, null, "黄袍山", 5), null, null, null, null, null, null),
				null, 10, null);

		assertThat(found.hits()).extracting(SearchResult.Hit::id).containsExactlyInAnyOrder(inside, edge)
			.doesNotContain(outside);
	}

	@Test
	void resizedRecompressedCopyFromAnotherMemberLooksAlike() throws IOException {
		byte[] original = uniqueJpeg("photos/ninghong-tea-garden.jpg");
		String mine = upload("xiushui", original);
		ByteArrayOutputStream copy = new ByteArrayOutputStream();
		Thumbnails.of(new ByteArrayInputStream(original)).scale(0.45).outputFormat("jpg").outputQuality(0.55)
			.toOutputStream(copy);
		String theirs = upload("liuyang", copy.toByteArray());
		String unrelated = upload("liuyang", uniqueJpeg("photos/liuyang-fireworks.jpg"));

		List<String> similar = this.testers.editor("tongcheng").documentName("similarAssets").variable("assetId", mine)
			.execute()
			.path("similarAssets[*].asset.id").entityList(String.class).get();

		assertThat(similar).contains(theirs).doesNotContain(unrelated, mine);
	}

	@Test
	void sameBytesFromAnotherMemberAreDuplicates() {
		byte[] bytes = uniqueJpeg("photos/pingjiang-jianggan.jpg");
		String mine = upload("pingjiang", bytes);
		String theirs = upload("tongcheng", bytes);

		this.testers.editor("xiushui").documentName("duplicatesOf").variable("assetId", mine)
			.execute()
			.path("duplicatesOf[*].id").entityList(String.class).containsExactly(theirs);
	}

	@Test
	void suggestionsCompleteChinesePrefixes() {
		this.testers.uploader("pingjiang").documentName("suggest").variable("prefix", "黄袍")
			.execute()
			.path("suggest").entityList(String.class)
			.satisfies(values -> assertThat(values).isNotEmpty().allMatch(value -> value.startsWith("黄袍")));
	}

	@Test
	void uploadersSeeTheirOwnAndAllianceItemsAndChannelsCannotSearch() {
		// 平江酱干 is Pingjiang's COUNTY article in the demo archive
		assertThat(find(new Caller("tongcheng", Role.UPLOADER), "平江酱干", null, null, 10, null).hits())
			.extracting(hit -> this.contents.find(hit.id()).orElseThrow().title())
			.doesNotContain("一块酱干的二十道工序：走进平江酱干作坊");
		assertThat(find(new Caller("pingjiang", Role.UPLOADER), "平江酱干", null, null, 10, null).hits())
			.isNotEmpty();
		this.testers.channel("tongcheng").documentName("search").variable("query", "幕阜山")
			.execute()
			.errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
	}

	private Map<String, Long> facet(String query, String name) {
		SearchResult result = find(editor(), query, null, null, 1, null);
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		result.facets().stream().filter(facet -> facet.name().equals(name)).findFirst().orElseThrow().buckets()
			.forEach(bucket -> counts.put(bucket.value(), bucket.count()));
		return counts;
	}

	/** A Tongcheng article shared with the alliance; its id. */
	private String article(String title, String body) {
		Caller caller = new Caller("tongcheng", Role.UPLOADER);
		return Callers.as(caller, () -> this.contents.create(caller,
				Drafts.article(title).body(body).alliance().input())).id();
	}

	/** Every highlighted fragment of the item among an editor's first five hits for the query, joined. */
	private String highlighted(String query, String id) {
		SearchResult.Hit hit = find(editor(), query, null, null, 5, null).hits()
			.stream()
			.filter(found -> found.id().equals(id))
			.findFirst()
			.orElseThrow();
		return hit.highlights().stream().flatMap(h -> h.fragments().stream()).collect(Collectors.joining(" "));
	}

	/** Items from..to (exclusive) with the tag, written straight to the index; their ids sort in that order. */
	private List<String> bulk(String tag, int from, int to) throws IOException {
		BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
		List<String> ids = new ArrayList<>();
		for (int i = from; i < to; i++) {
			String id = String.format("bulk%08d%s", i, tag.substring(tag.length() - 8));
			ids.add(id);
			bulk.operations(op -> op.index(ix -> ix.index(this.names.content()).id(id)
				.document(Map.of("id", id, "title", "批量条目", "tags", List.of(tag), "owner", "xiushui",
						"visibility", "ALLIANCE", "status", "DRAFT", "kind", "ARTICLE"))));
		}
		assertThat(this.client.bulk(bulk.build()).errors()).isFalse();
		return ids;
	}

	/** Search contexts Elasticsearch holds open: each point in time is one. */
	private long openContexts() throws IOException {
		return this.client.nodes()
			.stats()
			.nodes()
			.values()
			.stream()
			.mapToLong(node -> node.indices().search().openContexts())
			.sum();
	}

	private static SearchFilter filter(List<String> owners, List<String> tags, List<String> topics) {
		return new SearchFilter(null, owners, null, tags, topics, null, null, null, null, null, null, null, null, null,
				null, null, null);
	}

	private String located(String topic, double latitude, double longitude) {
		Caller caller = new Caller("tongcheng", Role.UPLOADER);
		return Callers.as(caller, () -> this.contents.create(caller,
				Drafts.article("定位测试").body("<p>测试</p>").topics(topic)
				.at(latitude, longitude).alliance().input())).id();
	}

	private String upload(String org, byte[] bytes) {
		return uploaded(org, "photo.jpg", bytes);
	}

	private SearchResult find(Caller caller, String query, SearchFilter filter, String sort, int first, String after) {
		return Callers.as(caller, () -> this.search.search(caller, query, filter, sort, first, after));
	}

	private static Caller editor() {
		return new Caller("tongcheng", Role.EDITOR);
	}
}
