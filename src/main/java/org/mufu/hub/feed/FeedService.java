package org.mufu.hub.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mufu.hub.HubException;
import org.mufu.hub.channel.ChannelCatalog;
import org.mufu.hub.channel.ChannelProfile;
import org.mufu.hub.channel.RenditionService;
import org.mufu.hub.channel.StoredRendition;
import org.mufu.hub.channel.View;
import org.mufu.hub.content.AssetService;
import org.mufu.hub.content.ContentItem;
import org.mufu.hub.content.ContentService;
import org.mufu.hub.index.ContentDocument;
import org.mufu.hub.index.ContentFields;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.index.FeedChanges;
import org.mufu.hub.index.FeedPage;
import org.mufu.hub.index.FeedPosition;
import org.mufu.hub.index.FeedQuery;
import org.mufu.hub.index.LogIndexer;
import org.mufu.hub.security.AccessPolicy;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Organization;
import org.mufu.hub.security.OrganizationDirectory;
import org.mufu.hub.security.Role;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** A channel's feed: published items in their window, each shaped as that channel shows it. */
@Service
public class FeedService {

	private static final int MAX_PAGE = 100;

	/**
	 * The fields of an item a channel is shown (see {@code node}); the rest, such as its history and its dates
	 * other than publishAt, is not read from Elasticsearch for a feed page.
	 */
	public static final List<String> FIELDS = List.of(ContentFields.ID, ContentFields.KIND,
			ContentFields.OWNER, ContentFields.VISIBILITY, ContentFields.TITLE, "summary", "body", "author", "overrides",
			"coverAssetId", "posterAssetId", "assetIds", "videoAssetId", "credits", ContentFields.TOPICS,
			ContentFields.TAGS, ContentFields.PLACE_NAME, ContentFields.PUBLISH_AT, ContentFields.MEDIA);

	private static final Pattern HOSTED_IMAGE = Pattern
		.compile("<img\\b([^>]*?)\\bsrc=\"[^\"]*\"([^>]*?)data-asset-id=\"([0-9a-z]+)\"", Pattern.CASE_INSENSITIVE);

	private final ContentIndex index;

	private final ContentService contents;

	private final LogIndexer indexer;

	private final ChannelCatalog catalog;

	private final RenditionService renditions;

	private final ObjectStorage storage;

	private final SharingStats stats;

	private final OrganizationDirectory members;

	private final Duration urlExpiry;

	private final FeedChanges feedChanges;

	private final ObjectMapper json;

	FeedService(ContentIndex index, ContentService contents, ChannelCatalog catalog, RenditionService renditions,
			ObjectStorage storage, SharingStats stats, OrganizationDirectory members,
			@Value("${hub.feed.url-expiry:1h}") Duration urlExpiry, LogIndexer indexer, FeedChanges feedChanges,
			ObjectMapper json) {
		this.json = json;
		this.feedChanges = feedChanges;
		this.index = index;
		this.contents = contents;
		this.indexer = indexer;
		this.catalog = catalog;
		this.renditions = renditions;
		this.storage = storage;
		this.stats = stats;
		this.members = members;
		this.urlExpiry = urlExpiry;
	}

	public FeedConnection feed(Caller caller, String channel, int first, String after, String org, List<String> topics) {
		return page(caller, channel, first, after, org, topics, caller.role() == Role.CHANNEL);
	}

	/**
	 * What a member's channel app receives now, for staff to see: the member's own editors and uploaders, and
	 * alliance editors for any member. A look is not a delivery, so it is not counted in the sharing statistics.
	 */
	public FeedConnection preview(Caller caller, String member, String channel, int first, String after) {
		if (caller.role() == Role.CHANNEL || !AccessPolicy.seesAllOf(caller, member)) {
			throw HubException.forbidden("feed.preview-of-another-member", member);
		}
		if (!this.members.isMember(member)) {
			throw HubException.notFound("member.not-found", member);
		}
		return page(new Caller(member, Role.CHANNEL), channel, first, after, null, null, false);
	}

	private FeedConnection page(Caller caller, String channel, int first, String after, String org, List<String> topics,
			boolean counted) {
		ChannelProfile profile = this.catalog.require(channel);
		String name = channel.toUpperCase(Locale.ROOT);
		if (first < 1 || first > MAX_PAGE) {
			throw HubException.badRequest("paging.first-out-of-range", MAX_PAGE);
		}
		String reader = AccessPolicy.readerScope(caller);
		@SuppressWarnings("unchecked")
		FeedPage<Map<String, Object>> page = (FeedPage<Map<String, Object>>) (FeedPage<?>) this.index.feed(
				new FeedQuery(name, Instant.now(), reader, org, topics, decode(after), this.indexer.checkpoint(), first,
						FIELDS),
				Map.class);
		List<FeedEdge> edges = new ArrayList<>();
		for (int i = 0; i < page.entries().size(); i++) {
			Map<String, Object> document = page.documents().get(i);
			ContentItem item = item(document);
			edges.add(new FeedEdge(encode(page.entries().get(i)), node(item, media(document), name, profile)));
			if (counted) {
				this.stats.count(item.id(), item.owner(), caller.org(), name);
			}
		}
		String end = edges.isEmpty() ? after : edges.get(edges.size() - 1).cursor();
		return new FeedConnection(edges, page.hasMore(), end);
	}

	/**
	 * What happened, in log order, to items the channel's feed gave out: changed, withdrawn, expired, deleted. Its
	 * cursors are places in the log as the feed's are: an app that keeps both knows every item it holds as of the
	 * same entry. A changed item that has left the channel since comes without its new form: a later change says
	 * why it left.
	 */
	public FeedChangeConnection changes(Caller caller, String channel, int first, String after, String org, List<String> topics) {
		ChannelProfile profile = this.catalog.require(channel);
		String name = channel.toUpperCase(Locale.ROOT);
		if (first < 1 || first > MAX_PAGE) {
			throw HubException.badRequest("paging.first-out-of-range", MAX_PAGE);
		}
		String reader = AccessPolicy.readerScope(caller);
		FeedQuery query = new FeedQuery(name, Instant.now(), reader, org, topics, decode(after),
				this.indexer.checkpoint(), first, FIELDS);
		FeedPage<FeedChanges.Entry> page = this.feedChanges.page(query);
		List<String> changed = page.documents()
			.stream()
			.filter(entry -> entry.change() == FeedChanges.Kind.CHANGED)
			.map(FeedChanges.Entry::contentId)
			.distinct()
			.toList();
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> shown = (Map<String, Map<String, Object>>) (Map<String, ?>) this.index
			.inFeed(query, changed, Map.class);
		List<FeedChangeEdge> edges = new ArrayList<>();
		for (int i = 0; i < page.entries().size(); i++) {
			FeedChanges.Entry entry = page.documents().get(i);
			Map<String, Object> document = entry.change() == FeedChanges.Kind.CHANGED ? shown.get(entry.contentId())
					: null;
			edges.add(new FeedChangeEdge(encode(page.entries().get(i)), new FeedChange(entry.contentId(), entry.change(),
					entry.at(), document != null ? node(item(document), media(document), name, profile) : null)));
		}
		String end = edges.isEmpty() ? after : edges.get(edges.size() - 1).cursor();
		return new FeedChangeConnection(edges, page.hasMore(), end);
	}

	private ContentItem item(Map<String, Object> document) {
		return this.json.convertValue(document, ContentItem.class);
	}

	private ContentDocument.Media media(Map<String, Object> document) {
		Object media = document.get(ContentFields.MEDIA);
		return media != null ? this.json.convertValue(media, ContentDocument.Media.class) : ContentDocument.Media.NONE;
	}

	/* The item as the channel shows it, from its index document alone: covers named by their size and focal point. */
	private FeedItem node(ContentItem item, ContentDocument.Media media, String channel, ChannelProfile profile) {
		View view = View.of(item, channel, profile.rules().digestFromBody());
		List<FeedItem.Picture> covers = media.cover() == null || !usable(item, media, media.cover().assetId()) ? List.of()
				: this.renditions.forFeed(media.cover(), profile.renditions()).stream().map(this::picture).toList();
		ContentDocument.Clip clip = media.video();
		FeedItem.Video video = clip == null || !usable(item, media, clip.assetId()) ? null
				: new FeedItem.Video(url(AssetService.originalKey(clip.assetId())), clip.contentType(),
						clip.durationSeconds(), clip.orientation(), clip.width(), clip.height(), clip.frameRate());
		String body = profile.rules().bodyRequired() ? hosted(item, media) : null;
		Organization owner = this.members.find(item.owner()).orElse(null);
		return new FeedItem(item.id(), item.kind(), view.title(), view.digest(), view.author(), body, covers, video,
				item.credits(), owner, item.visibility(), item.topics(), item.tags(), item.placeName(), item.publishAt());
	}

	private FeedItem.Picture picture(StoredRendition rendition) {
		return new FeedItem.Picture(rendition.name(), url(rendition.key()), rendition.width(), rendition.height(),
				rendition.contentType());
	}

	/**
	 * The body with every hub-hosted picture pointing at an absolute, expiring URL of its original: those the
	 * item's owner may use, that is. Any other picture keeps the address the body gave, and no URL of the hub's.
	 */
	private String hosted(ContentItem item, ContentDocument.Media media) {
		String body = item.body();
		if (body == null) {
			return null;
		}
		Matcher matcher = HOSTED_IMAGE.matcher(body);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String assetId = matcher.group(3);
			if (!usable(item, media, assetId)) {
				matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group()));
				continue;
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement("<img" + matcher.group(1) + "src=\""
					+ url(AssetService.originalKey(assetId)).replace("&", "&amp;") + "\"" + matcher.group(2)
					+ "data-asset-id=\"" + assetId + "\""));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/*
	 * Whether the item's owner may show a file: its own need no look-up (the index document says whose each file
	 * is); another member's only while that member shares it, which is asked of storage and the index each time.
	 */
	private boolean usable(ContentItem item, ContentDocument.Media media, String assetId) {
		String owner = media.owners().get(assetId);
		if (owner == null) {
			return false;
		}
		return owner.equals(item.owner())
				|| this.contents.assetOf(assetId).filter(asset -> this.contents.usableBy(item.owner(), asset)).isPresent();
	}

	private String url(String key) {
		return this.storage.presignedGet(key, this.urlExpiry);
	}

	/* "L" marks a position in the log; cursors given out before the log was kept are plain times. */
	static String encode(FeedPosition position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("L" + position.seq() + ":" + position.id()).getBytes(StandardCharsets.UTF_8));
	}

	static FeedPosition decode(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
			if (parts[0].startsWith("L")) {
				return new FeedPosition(Long.parseLong(parts[0].substring(1)), parts[1]);
			}
			Long.parseLong(parts[0]);
			// a cursor from before the log: the app has read the feed as it stood then, and every item published
			// since has a position in the log after all of those
			return new FeedPosition(0, BEFORE_THE_LOG_END);
		}
		catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
			throw HubException.badRequest("feed.foreign-cursor", cursor);
		}
	}

	/** Sorts after every id: with position 0, after every item published before the log was kept. */
	private static final String BEFORE_THE_LOG_END = "~";
}
