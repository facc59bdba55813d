package org.mufu.hub.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mufu.hub.metadata.GeoPoint;

/** One article, video or promotion with its media, as kept in {@code content/{xx}/{id}.json}. */
public record ContentItem(String id, ContentKind kind, String owner, ContentStatus status, String title,
		String summary, String body, String coverAssetId, List<String> inlineAssetIds, String videoAssetId,
		String posterAssetId, List<String> assetIds, List<String> tags, List<String> topics, String placeName,
		GeoPoint location, List<String> credits, Visibility visibility, String language, int version,
		Instant createdAt, Instant updatedAt, String createdBy, String updatedBy, String author,
		Map<String, ChannelOverride> overrides, List<String> channels, Instant publishAt, Instant expireAt,
		Instant publishedAt, List<Transition> history, ContentItem pending) {

	public ContentItem {
		overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
		channels = channels == null ? List.of() : List.copyOf(channels);
		history = history == null ? List.of() : List.copyOf(history);
	}

	/** A new item, field by field. */
	public static Builder builder() {
		return new Builder();
	}

	/** This item as a builder, to make a changed copy. */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * What is being worked on: the changes waiting for review when the item is live (the version on the channels
	 * stays as it is until an editor approves them), else the item itself.
	 */
	public ContentItem working() {
		return this.pending != null ? this.pending : this;
	}

	/** Whether the item is on its channels (or scheduled for them): edits then wait for review beside it. */
	public boolean live() {
		return this.status == ContentStatus.PUBLISHED;
	}

	/**
	 * The step that put the item, or the changes to it while it is live, in review; null when nothing of it waits
	 * for review. Every move of the item or of its changes is a step, so the last one says where it stands, and the
	 * index's copy (which keeps no changes beside it) answers the same.
	 */
	public Transition submitted() {
		if (this.history.isEmpty()) {
			return null;
		}
		Transition last = this.history.get(this.history.size() - 1);
		return last.to() == ContentStatus.IN_REVIEW ? last : null;
	}

	/** What an editor gives one channel instead of the item's own title, digest or author. */
	public record ChannelOverride(String title, String digest, String author) {
	}

	/** One step of review and publishing: who moved the item, when, from where to where, and why. */
	public record Transition(Instant at, String by, ContentStatus from, ContentStatus to, String note) {
	}

	/** The item moved to another status, with the step recorded and the version raised. */
	public ContentItem moved(ContentStatus to, String by, String note, List<String> channels, Instant publishAt,
			Instant expireAt, Instant publishedAt) {
		List<Transition> steps = new ArrayList<>(this.history);
		Instant now = Instant.now();
		steps.add(new Transition(now, by, this.status, to, note));
		return toBuilder().status(to)
			.version(this.version + 1)
			.updatedAt(now)
			.updatedBy(by)
			.channels(channels)
			.publishAt(publishAt)
			.expireAt(expireAt)
			.publishedAt(publishedAt)
			.history(steps)
			.build();
	}

	/** The item with one channel's override set (or removed, when null), as an edit. */
	public ContentItem withOverride(String channel, ChannelOverride override, String by) {
		ContentItem base = working();
		Map<String, ChannelOverride> changed = new java.util.HashMap<>(base.overrides);
		if (override == null) {
			changed.remove(channel);
		}
		else {
			changed.put(channel, override);
		}
		return edit(base.toBuilder().overrides(changed).build(), by);
	}

	/**
	 * The item after an edit of its working copy, one version on. A live item keeps the version its channels show
	 * and holds the edit beside it, in DRAFT until submitted, for an editor to approve; any other item takes the
	 * edit at once.
	 */
	public ContentItem edit(ContentItem edited, String by) {
		Instant now = Instant.now();
		int next = this.version + 1;
		if (!live()) {
			return edited.toBuilder().version(next).updatedAt(now).updatedBy(by).pending(null).build();
		}
		ContentItem changes = edited.toBuilder()
			.status(this.pending != null ? this.pending.status : ContentStatus.DRAFT)
			.version(next)
			.updatedAt(now)
			.updatedBy(by)
			.history(List.of())
			.pending(null)
			.build();
		return toBuilder().pending(changes).version(next).updatedAt(now).updatedBy(by).build();
	}

	/** The pending changes in review moved to {@code to} (submitted, or sent back), with the step recorded. */
	public ContentItem pendingMoved(ContentStatus to, String by, String note) {
		Instant now = Instant.now();
		List<Transition> steps = new ArrayList<>(this.history);
		steps.add(new Transition(now, by, this.pending.status, to, note));
		return toBuilder().pending(this.pending.toBuilder().status(to).version(this.version + 1).build())
			.version(this.version + 1)
			.updatedAt(now)
			.updatedBy(by)
			.history(steps)
			.build();
	}

	/**
	 * The item as it will stand once its pending changes are approved: their content, with this item's place in
	 * the workflow (status, channels, times, history). An item without pending changes is itself.
	 */
	public ContentItem approved() {
		if (this.pending == null) {
			return this;
		}
		return this.pending.toBuilder()
			.status(this.status)
			.version(this.version)
			.createdAt(this.createdAt)
			.createdBy(this.createdBy)
			.updatedAt(this.updatedAt)
			.updatedBy(this.updatedBy)
			.channels(this.channels)
			.publishAt(this.publishAt)
			.expireAt(this.expireAt)
			.publishedAt(this.publishedAt)
			.history(this.history)
			.pending(null)
			.build();
	}

	/** The picture that stands for the item: an article's cover, a video's poster, a promotion's first picture. */
	public String coverSourceId() {
		return switch (this.kind) {
			case ARTICLE -> this.coverAssetId;
			case VIDEO -> this.posterAssetId != null ? this.posterAssetId : this.coverAssetId;
			case PROMO -> this.coverAssetId != null ? this.coverAssetId
					: this.assetIds.isEmpty() ? null : this.assetIds.get(0);
		};
	}

	/** Every asset the item uses, the pictures its body names and its pending changes included, each once. */
	public Set<String> allAssetIds() {
		Set<String> all = new LinkedHashSet<>();
		addIfSet(all, this.coverAssetId);
		addIfSet(all, this.videoAssetId);
		addIfSet(all, this.posterAssetId);
		all.addAll(this.inlineAssetIds);
		all.addAll(this.assetIds);
		all.addAll(ArticleHtml.assetIds(this.body));
		if (this.pending != null) {
			all.addAll(this.pending.allAssetIds());
		}
		return all;
	}

	private static void addIfSet(Set<String> ids, String id) {
		if (id != null) {
			ids.add(id);
		}
	}

	static List<String> listOrEmpty(List<String> values) {
		return values == null ? List.of() : new ArrayList<>(values);
	}

	/** Builds an item one field at a time; the one place an item is put together. */
	public static final class Builder {
		private String id;
		private ContentKind kind;
		private String owner;
		private ContentStatus status;
		private String title;
		private String summary;
		private String body;
		private String coverAssetId;
		private List<String> inlineAssetIds = List.of();
		private String videoAssetId;
		private String posterAssetId;
		private List<String> assetIds = List.of();
		private List<String> tags = List.of();
		private List<String> topics = List.of();
		private String placeName;
		private GeoPoint location;
		private List<String> credits = List.of();
		private Visibility visibility;
		private String language;
		private int version;
		private Instant createdAt;
		private Instant updatedAt;
		private String createdBy;
		private String updatedBy;
		private String author;
		private Map<String, ChannelOverride> overrides = Map.of();
		private List<String> channels = List.of();
		private Instant publishAt;
		private Instant expireAt;
		private Instant publishedAt;
		private List<Transition> history = List.of();
		private ContentItem pending;

		private Builder() {
		}

		private Builder(ContentItem item) {
			this.id = item.id;
			this.kind = item.kind;
			this.owner = item.owner;
			this.status = item.status;
			this.title = item.title;
			this.summary = item.summary;
			this.body = item.body;
			this.coverAssetId = item.coverAssetId;
			this.inlineAssetIds = item.inlineAssetIds;
			this.videoAssetId = item.videoAssetId;
			this.posterAssetId = item.posterAssetId;
			this.assetIds = item.assetIds;
			this.tags = item.tags;
			this.topics = item.topics;
			this.placeName = item.placeName;
			this.location = item.location;
			this.credits = item.credits;
			this.visibility = item.visibility;
			this.language = item.language;
			this.version = item.version;
			this.createdAt = item.createdAt;
			this.updatedAt = item.updatedAt;
			this.createdBy = item.createdBy;
			this.updatedBy = item.updatedBy;
			this.author = item.author;
			this.overrides = item.overrides;
			this.channels = item.channels;
			this.publishAt = item.publishAt;
			this.expireAt = item.expireAt;
			this.publishedAt = item.publishedAt;
			this.history = item.history;
			this.pending = item.pending;
		}

		public Builder id(String id) {
			this.id = id;
			return this;
		}

		public Builder kind(ContentKind kind) {
			this.kind = kind;
			return this;
		}

		public Builder owner(String owner) {
			this.owner = owner;
			return this;
		}

		public Builder status(ContentStatus status) {
			this.status = status;
			return this;
		}

		public Builder title(String title) {
			this.title = title;
			return this;
		}

		public Builder summary(String summary) {
			this.summary = summary;
			return this;
		}

		public Builder body(String body) {
			this.body = body;
			return this;
		}

		public Builder coverAssetId(String coverAssetId) {
			this.coverAssetId = coverAssetId;
			return this;
		}

		public Builder inlineAssetIds(List<String> inlineAssetIds) {
			this.inlineAssetIds = inlineAssetIds;
			return this;
		}

		public Builder videoAssetId(String videoAssetId) {
			this.videoAssetId = videoAssetId;
			return this;
		}

		public Builder posterAssetId(String posterAssetId) {
			this.posterAssetId = posterAssetId;
			return this;
		}

		public Builder assetIds(List<String> assetIds) {
			this.assetIds = assetIds;
			return this;
		}

		public Builder tags(List<String> tags) {
			this.tags = tags;
			return this;
		}

		public Builder topics(List<String> topics) {
			this.topics = topics;
			return this;
		}

		public Builder placeName(String placeName) {
			this.placeName = placeName;
			return this;
		}

		public Builder location(GeoPoint location) {
			this.location = location;
			return this;
		}

		public Builder credits(List<String> credits) {
			this.credits = credits;
			return this;
		}

		public Builder visibility(Visibility visibility) {
			this.visibility = visibility;
			return this;
		}

		public Builder language(String language) {
			this.language = language;
			return this;
		}

		public Builder version(int version) {
			this.version = version;
			return this;
		}

		public Builder createdAt(Instant createdAt) {
			this.createdAt = createdAt;
			return this;
		}

		public Builder updatedAt(Instant updatedAt) {
			this.updatedAt = updatedAt;
			return this;
		}

		public Builder createdBy(String createdBy) {
			this.createdBy = createdBy;
			return this;
		}

		public Builder updatedBy(String updatedBy) {
			this.updatedBy = updatedBy;
			return this;
		}

		public Builder author(String author) {
			this.author = author;
			return this;
		}

		public Builder overrides(Map<String, ChannelOverride> overrides) {
			this.overrides = overrides;
			return this;
		}

		public Builder channels(List<String> channels) {
			this.channels = channels;
			return this;
		}

		public Builder publishAt(Instant publishAt) {
			this.publishAt = publishAt;
			return this;
		}

		public Builder expireAt(Instant expireAt) {
			this.expireAt = expireAt;
			return this;
		}

		public Builder publishedAt(Instant publishedAt) {
			this.publishedAt = publishedAt;
			return this;
		}

		public Builder history(List<Transition> history) {
			this.history = history;
			return this;
		}

		public Builder pending(ContentItem pending) {
			this.pending = pending;
			return this;
		}

		public ContentItem build() {
			return new ContentItem(this.id, this.kind, this.owner, this.status, this.title, this.summary, this.body, this.coverAssetId, this.inlineAssetIds, this.videoAssetId, this.posterAssetId, this.assetIds, this.tags, this.topics, this.placeName, this.location, this.credits, this.visibility, this.language, this.version, this.createdAt, this.updatedAt, this.createdBy, this.updatedBy, this.author, this.overrides, this.channels, this.publishAt, this.expireAt, this.publishedAt, this.history, this.pending);
		}
	}
}
