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
		Instant publishedAt, List<Transition> history) {

	public ContentItem {
		overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
		channels = channels == null ? List.of() : List.copyOf(channels);
		history = history == null ? List.of() : List.copyOf(history);
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
		return new ContentItem(this.id, this.kind, this.owner, to, this.title, this.summary, this.body,
				this.coverAssetId, this.inlineAssetIds, this.videoAssetId, this.posterAssetId, this.assetIds, this.tags,
				this.topics, this.placeName, this.location, this.credits, this.visibility, this.language,
				this.version + 1, this.createdAt, now, this.createdBy, by, this.author, this.overrides, channels,
				publishAt, expireAt, publishedAt, steps);
	}

	/** The item with one channel's override set (or removed, when null). */
	public ContentItem withOverride(String channel, ChannelOverride override, String by) {
		Map<String, ChannelOverride> changed = new java.util.HashMap<>(this.overrides);
		if (override == null) {
			changed.remove(channel);
		}
		else {
			changed.put(channel, override);
		}
		return new ContentItem(this.id, this.kind, this.owner, this.status, this.title, this.summary, this.body,
				this.coverAssetId, this.inlineAssetIds, this.videoAssetId, this.posterAssetId, this.assetIds, this.tags,
				this.topics, this.placeName, this.location, this.credits, this.visibility, this.language,
				this.version + 1, this.createdAt, Instant.now(), this.createdBy, by, this.author, changed,
				this.channels, this.publishAt, this.expireAt, this.publishedAt, this.history);
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

	/** Every asset the item uses, each once. */
	public Set<String> allAssetIds() {
		Set<String> all = new LinkedHashSet<>();
		addIfSet(all, this.coverAssetId);
		addIfSet(all, this.videoAssetId);
		addIfSet(all, this.posterAssetId);
		all.addAll(this.inlineAssetIds);
		all.addAll(this.assetIds);
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
}
