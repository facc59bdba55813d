package org.mufu.hub.feed;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mufu.hub.GraphQlSlice;
import org.mufu.hub.channel.Readiness;
import org.mufu.hub.channel.Reason;
import org.mufu.hub.content.ContentItem;
import org.mufu.hub.content.ContentKind;
import org.mufu.hub.content.ContentService;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.graphql.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The feed controller alone, its services stood in for: the schema's defaults and times reach the services as
 * they should, and a page or a refusal to publish reads as the schema says.
 */
@GraphQlTest(controllers = FeedController.class, properties = "hub.local.enabled=false")
@Import(GraphQlSlice.class)
class FeedControllerTest {

	private static final Caller WECHAT_APP = new Caller("xiushui", Role.CHANNEL);

	private static final Caller EDITOR = new Caller("tongcheng", Role.EDITOR);

	@Autowired
	GraphQlTester graphQl;

	@MockitoBean
	FeedService feeds;

	@MockitoBean
	PublishingService publishing;

	@MockitoBean
	ContentService contents;

	@MockitoBean
	SharingStats stats;

	@Test
	void aFeedAskedWithoutFirstGivesTwentyAndAnswersWhereTheNextPageStarts() {
		when(this.feeds.feed(WECHAT_APP, "WECHAT", 20, null, null, null))
			.thenReturn(new FeedConnection(List.of(), true, "c20"));

		Callers.as(WECHAT_APP, () -> this.graphQl.documentName("feed").variable("channel", "WECHAT").execute())
			.path("feed.edges").entityList(Object.class).hasSize(0)
			.path("feed.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("feed.pageInfo.endCursor").entity(String.class).isEqualTo("c20");
		verify(this.feeds).feed(WECHAT_APP, "WECHAT", 20, null, null, null);
	}

	@Test
	void publishAtInChinaStandardTimeReachesTheServiceAsAnInstantAndARefusalNamesTheChannel() {
		Readiness wechat = new Readiness("WECHAT", false,
				List.of(new Reason("title-too-long", "title", List.of("微信公众号", 40, 32))));
		when(this.publishing.publish(eq(EDITOR), eq("i1"), eq(List.of("WECHAT")),
				eq(Instant.parse("2026-12-05T01:00:00Z")), isNull()))
			.thenReturn(new PublishResult.NotReady(summitArticle(), List.of(wechat)));

		Callers.as(EDITOR, () -> this.graphQl.document("""
				mutation { publish(id: "i1", channels: [WECHAT], publishAt: "2026-12-05T09:00:00+08:00") {
				    __typename ... on NotReady { channels { channel ready } } } }""").execute())
			.path("publish.__typename").entity(String.class).isEqualTo("NotReady")
			.path("publish.channels[0].channel").entity(String.class).isEqualTo("WECHAT")
			.path("publish.channels[0].ready").entity(Boolean.class).isEqualTo(false);
	}

	/* An article of Tongcheng's in review, as its record says. */
	private static ContentItem summitArticle() {
		return ContentItem.builder().id("i1").kind(ContentKind.ARTICLE).owner("tongcheng").title("幕阜山云海").build();
	}
}
