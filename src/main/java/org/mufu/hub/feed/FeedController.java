package org.mufu.hub.feed;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mufu.hub.PlainText;
import org.mufu.hub.channel.Readiness;
import org.mufu.hub.content.ContentItem;
import org.mufu.hub.content.ContentService;
import org.mufu.hub.security.AccessPolicy;
import org.mufu.hub.security.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class FeedController {

	private final FeedService feeds;

	private final PublishingService publishing;

	private final ContentService contents;

	private final SharingStats stats;

	FeedController(FeedService feeds, PublishingService publishing, ContentService contents, SharingStats stats) {
		this.feeds = feeds;
		this.publishing = publishing;
		this.contents = contents;
		this.stats = stats;
	}

	@QueryMapping
	FeedConnection feed(@Argument String channel, @Argument int first, @Argument String after, @Argument String org,
			@Argument List<String> topics, Caller caller) {
		return this.feeds.feed(caller, channel, first, after, org, topics);
	}

	@QueryMapping
	FeedConnection feedPreview(@Argument String memberId, @Argument String channel, @Argument int first,
			@Argument String after, Caller caller) {
		return this.feeds.preview(caller, memberId, channel, first, after);
	}

	@QueryMapping
	FeedChangeConnection feedChanges(@Argument String channel, @Argument int first, @Argument String after,
			@Argument String org, @Argument List<String> topics, Caller caller) {
		return this.feeds.changes(caller, channel, first, after, org, topics);
	}

	@QueryMapping
	List<Readiness> channelReadiness(@Argument String contentId, Caller caller) {
		return this.publishing.readiness(this.contents.read(caller, contentId));
	}

	@MutationMapping
	ContentItem submitForReview(@Argument String id, @Argument String note, Caller caller) {
		return this.publishing.submitForReview(caller, id, note);
	}

	@MutationMapping
	ContentItem requestChanges(@Argument String id, @Argument String note, Caller caller) {
		return this.publishing.requestChanges(caller, id, note);
	}

	@MutationMapping
	PublishResult publish(@Argument String id, @Argument List<String> channels,
			@Argument OffsetDateTime publishAt, @Argument OffsetDateTime expireAt, Caller caller) {
		return this.publishing.publish(caller, id, channels, publishAt != null ? publishAt.toInstant() : null,
				expireAt != null ? expireAt.toInstant() : null);
	}

	@MutationMapping
	ContentItem withdraw(@Argument String id, @Argument String reason, Caller caller) {
		return this.publishing.withdraw(caller, id, reason);
	}

	@MutationMapping
	ContentItem reopen(@Argument String id, @Argument String note, Caller caller) {
		return this.publishing.reopen(caller, id, note);
	}

	@MutationMapping
	ContentItem setChannelOverride(@Argument String id, @Argument String channel, @Argument OverrideInput override,
			Caller caller) {
		ContentItem.ChannelOverride value = override == null ? null
				: new ContentItem.ChannelOverride(PlainText.line(override.title()), PlainText.text(override.digest()),
						PlainText.line(override.author()));
		return this.publishing.setOverride(caller, id, channel, value);
	}

	@QueryMapping
	SharingReport sharingStats(Caller caller) {
		List<SharingStats.Row> rows = this.stats.rows()
			.stream()
			.filter(row -> AccessPolicy.seesAllOf(caller, row.owner()) || row.receiver().equals(caller.org()))
			.sorted(Comparator.comparingLong(SharingStats.Row::deliveries).reversed())
			.toList();
		Map<String, Long> pairs = new LinkedHashMap<>();
		rows.forEach(row -> pairs.merge(row.owner() + "→" + row.receiver(), row.deliveries(), Long::sum));
		List<SharingPair> totals = pairs.entrySet()
			.stream()
			.map(entry -> new SharingPair(entry.getKey().split("→")[0], entry.getKey().split("→")[1], entry.getValue()))
			.toList();
		return new SharingReport(rows, totals);
	}

	/** The item counted, while the caller may still read it: counts outlive an item's sharing, its text does not. */
	@SchemaMapping(typeName = "SharingRow")
	ContentItem content(SharingStats.Row row, Caller caller) {
		return this.contents.find(row.contentId()).filter(item -> ContentService.visibleTo(caller, item)).orElse(null);
	}

	record OverrideInput(String title, String digest, String author) {
	}

	record SharingPair(String owner, String receiver, long deliveries) {
	}

	record SharingReport(List<SharingStats.Row> rows, List<SharingPair> totals) {
	}
}
