package org.mufu.hub.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.IntegrationTest;
import org.mufu.hub.content.TestPhotos;
import org.mufu.hub.content.TestPhotos.Photo;
import org.mufu.hub.security.Role;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The picture desk's searches over photos several members uploaded: by caption, by the place a photo's GPS
 * names when its caption does not, by filters and facets, in each reader's view.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssetSearchIT extends IntegrationTest {

	/* the gazetteer's 黄袍山 and 幕阜山, a few hundred metres off */
	private static final double[] HUANGPAO = { 29.140, 113.661 };

	private static final double[] MUFU = { 28.975, 113.826 };

	private final String tag = "desk-" + UUID.randomUUID().toString().substring(0, 8);

	private String azaleas;

	private String gpsOnly;

	private String clouds;

	private String othersAzaleas;

	@BeforeAll
	void upload() {
		this.azaleas = upload("tongcheng", "IMG_0412.jpg", Photo.captioned("四月黄袍山杜鹃花海").size(1920, 1280)
			.keywords(this.tag, "杜鹃").by("李明").taken("2025:04:12 09:30:00", "Canon").at(HUANGPAO[0], HUANGPAO[1]));
		this.gpsOnly = upload("tongcheng", "DSC_0420.jpg", new Photo(1600, 1000, null, List.of(this.tag), null,
				"2025:04:20 16:05:00", 29.134, 113.652, "Nikon"));
		this.clouds = upload("pingjiang", "mufu.jpg", Photo.captioned("幕阜山云海日出").size(1000, 1600)
			.keywords(this.tag).taken("2024:10:02 06:10:00", "DJI").at(MUFU[0], MUFU[1]));
		this.othersAzaleas = upload("pingjiang", "azalea.jpg", Photo.captioned("黄袍山杜鹃特写").size(1200, 1200)
			.keywords(this.tag));
	}

	@Test
	void aCaptionIsFoundByItsWordsAndMarked() {
		GraphQlTester.Response found = search("liuyang", Role.EDITOR, "黄袍山杜鹃", Map.of(), null, 20, null);
		List<String> ids = ids(found);
		assertThat(ids.subList(0, 2)).containsExactlyInAnyOrder(this.azaleas, this.othersAzaleas);
		assertThat(found.path("searchAssets.edges[0].highlights[0].fragments[0]").entity(String.class).get())
			.contains("<em>");
	}

	@Test
	void aPhotoWithOnlyGpsIsFoundByThePlaceItWasTakenAt() {
		GraphQlTester.Response found = search("liuyang", Role.EDITOR, "黄袍山", Map.of(), null, 20, null);
		assertThat(ids(found)).contains(this.gpsOnly, this.azaleas).doesNotContain(this.clouds);
		int gps = ids(found).indexOf(this.gpsOnly);
		found.path("searchAssets.edges[" + gps + "].node.place").entity(String.class).isEqualTo("黄袍山");
		found.path("searchAssets.edges[" + gps + "].node.type").entity(String.class).isEqualTo("PHOTO");
		assertThat(ids(search("liuyang", Role.EDITOR, null, Map.of("places", List.of("黄袍山")), null, 20, null)))
			.containsExactlyInAnyOrder(this.azaleas, this.gpsOnly);
	}

	@Test
	void anUploaderFindsOnlyItsOwnMembersAssets() {
		assertThat(ids(search("tongcheng", Role.UPLOADER, "杜鹃", Map.of(), null, 20, null)))
			.containsExactly(this.azaleas);
		assertThat(ids(search("pingjiang", Role.UPLOADER, null, Map.of(), null, 20, null)))
			.containsExactlyInAnyOrder(this.clouds, this.othersAzaleas);
	}

	@Test
	void channelAppsDoNotSearchTheArchive() {
		this.testers.channel("tongcheng").documentName("searchAssets").variable("query", "杜鹃").execute().errors()
			.satisfy(errors -> assertClassified(errors, ErrorKind.FORBIDDEN));
	}

	@Test
	void filtersNarrowByShapeTimeCameraAndGps() {
		assertThat(ids(search("liuyang", Role.EDITOR, null, Map.of("orientation", "portrait"), null, 20, null)))
			.containsExactly(this.clouds);
		assertThat(ids(search("liuyang", Role.EDITOR, null,
				Map.of("taken", Map.of("from", "2025-04-01T00:00:00Z", "to", "2025-04-30T23:59:59Z")), null, 20, null)))
			.containsExactlyInAnyOrder(this.azaleas, this.gpsOnly);
		assertThat(ids(search("liuyang", Role.EDITOR, null, Map.of("cameraMake", "DJI"), null, 20, null)))
			.containsExactly(this.clouds);
		assertThat(ids(search("liuyang", Role.EDITOR, null, Map.of("hasGps", false), null, 20, null)))
			.containsExactly(this.othersAzaleas);
		assertThat(ids(search("liuyang", Role.EDITOR, null, Map.of("minWidth", 1900), null, 20, null)))
			.containsExactly(this.azaleas);
		assertThat(ids(search("liuyang", Role.EDITOR, null,
				Map.of("near", Map.of("place", "幕阜山", "km", 3)), null, 20, null)))
			.containsExactly(this.clouds);
		assertThat(ids(search("liuyang", Role.EDITOR, null, Map.of("types", List.of("POSTER")), null, 20, null)))
			.containsExactly(this.othersAzaleas);
	}

	@Test
	void facetsCountWhatTheirFilterFinds() {
		GraphQlTester.Response all = search("liuyang", Role.EDITOR, null, Map.of(), null, 20, null);
		assertThat(bucket(all, "place", "黄袍山")).isEqualTo(2);
		assertThat(bucket(all, "owner", "pingjiang")).isEqualTo(2);
		assertThat(bucket(all, "aspect", "LANDSCAPE")).isEqualTo(2);
		assertThat(bucket(all, "month", "2025-04")).isEqualTo(2);
		assertThat(bucket(all, "year", "2024")).isEqualTo(1);
		assertThat(bucket(all, "cameraMake", "Nikon")).isEqualTo(1);
		assertThat(bucket(all, "type", "PHOTO")).isEqualTo(3);
		long owned = search("liuyang", Role.EDITOR, null, Map.of("owners", List.of("pingjiang")), null, 20, null)
			.path("searchAssets.totalCount").entity(Long.class).get();
		assertThat(owned).isEqualTo(2);
	}

	@Test
	void sortsAndPagesWithoutOverlap() {
		assertThat(ids(search("liuyang", Role.EDITOR, null, Map.of(), "NEWEST_TAKEN", 20, null)))
			.containsExactly(this.gpsOnly, this.azaleas, this.clouds, this.othersAzaleas);
		assertThat(ids(search("liuyang", Role.EDITOR, null, Map.of(), "LARGEST", 20, null)).get(0))
			.isEqualTo(this.azaleas);
		GraphQlTester.Response first = search("liuyang", Role.EDITOR, null, Map.of(), "NEWEST_UPLOADED", 3, null);
		first.path("searchAssets.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String after = first.path("searchAssets.pageInfo.endCursor").entity(String.class).get();
		GraphQlTester.Response second = search("liuyang", Role.EDITOR, null, Map.of(), "NEWEST_UPLOADED", 3, after);
		assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
		second.path("searchAssets.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	private GraphQlTester.Response search(String org, Role role, String query, Map<String, Object> filter, String sort,
			int first, String after) {
		Map<String, Object> scoped = new HashMap<>(filter);
		scoped.put("keywords", List.of(this.tag));
		GraphQlTester.Request<?> request = this.testers.as(org, role).documentName("searchAssets").variable("filter", scoped)
			.variable("first", first);
		if (query != null) {
			request = request.variable("query", query);
		}
		if (sort != null) {
			request = request.variable("sort", sort);
		}
		if (after != null) {
			request = request.variable("after", after);
		}
		return request.execute();
	}

	private static List<String> ids(GraphQlTester.Response response) {
		return response.path("searchAssets.edges[*].node.id").entityList(String.class).get();
	}

	@SuppressWarnings("unchecked")
	private static long bucket(GraphQlTester.Response response, String facet, String value) {
		List<Map<String, Object>> facets = response.path("searchAssets.facets").entityList(Map.class).get()
			.stream()
			.map(map -> (Map<String, Object>) map)
			.toList();
		return facets.stream()
			.filter(f -> facet.equals(f.get("name")))
			.flatMap(f -> ((List<Map<String, Object>>) f.get("buckets")).stream())
			.filter(b -> value.equals(b.get("value")))
			.mapToLong(b -> ((Number) b.get("count")).longValue())
			.findFirst()
			.orElse(0);
	}

	private String upload(String org, String filename, Photo photo) {
		return uploaded(org, filename, TestPhotos.jpeg(photo));
	}
}
