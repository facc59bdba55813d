package org.mufu.hub.search;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mufu.hub.GraphQlSlice;
import org.mufu.hub.content.ContentItem;
import org.mufu.hub.content.ContentKind;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.graphql.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The search controller alone, search stood in for: a filter as GraphQL sends it reaches the service as a
 * {@link SearchFilter}, and a result reads as a connection with its facets and page info.
 */
@GraphQlTest(controllers = SearchController.class, properties = "hub.local.enabled=false")
@Import(GraphQlSlice.class)
class SearchControllerTest {

	private static final Caller EDITOR = new Caller("liuyang", Role.EDITOR);

	@Autowired
	GraphQlTester graphQl;

	@MockitoBean
	SearchService search;

	@Test
	void aFilterReachesSearchWithItsTimesPlaceAndDefaultsAndTheAnswerIsAConnection() {
		when(this.search.search(eq(EDITOR), eq("杜鹃"), any(), isNull(), eq(20), isNull()))
			.thenReturn(new SearchResult(41, List.of(azaleaHit()),
					List.of(new SearchResult.Facet("owner", List.of(new SearchResult.Bucket("liuyang", 41)))), true,
					"c1"));

		Callers.as(EDITOR, () -> this.graphQl.document("""
				{ search(query: "杜鹃", filter: {kinds: [ARTICLE], published: {from: "2025-04-01T00:00:00+08:00"},
				    near: {place: "大围山", km: 10}}) {
				    totalCount edges { cursor score highlights { field fragments } node { id } }
				    facets { name buckets { value count } } pageInfo { hasNextPage endCursor } } }""").execute())
			.path("search.totalCount").entity(Long.class).isEqualTo(41L)
			.path("search.edges[0].cursor").entity(String.class).isEqualTo("c1")
			.path("search.edges[0].highlights[0].fragments[0]").entity(String.class).isEqualTo("<em>杜鹃</em>花海")
			.path("search.edges[0].node.id").entity(String.class).isEqualTo("i1")
			.path("search.facets[0].buckets[0].count").entity(Long.class).isEqualTo(41L)
			.path("search.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("search.pageInfo.endCursor").entity(String.class).isEqualTo("c1");
		ArgumentCaptor<SearchFilter> filter = ArgumentCaptor.forClass(SearchFilter.class);
		verify(this.search).search(eq(EDITOR), eq("杜鹃"), filter.capture(), isNull(), eq(20), isNull());
		assertThat(filter.getValue().kinds()).containsExactly("ARTICLE");
		assertThat(filter.getValue().published().from().toInstant())
			.isEqualTo(OffsetDateTime.parse("2025-03-31T16:00:00Z").toInstant());
		assertThat(filter.getValue().near()).isEqualTo(new SearchFilter.Near(null, null, "大围山", 10));
	}

	/* Liuyang's article on the azaleas of Dawei Mountain, as search found it. */
	private static SearchResult.Hit azaleaHit() {
		ContentItem item = ContentItem.builder().id("i1").kind(ContentKind.ARTICLE).owner("liuyang")
			.title("大围山杜鹃花海").build();
		return new SearchResult.Hit("i1", "c1", 3.5, List.of(new SearchResult.Highlight("title",
				List.of("<em>杜鹃</em>花海"))), item);
	}
}
