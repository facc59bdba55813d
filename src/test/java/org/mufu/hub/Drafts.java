package org.mufu.hub;

import java.util.List;

import org.mufu.hub.content.ContentInput;
import org.mufu.hub.content.ContentKind;
import org.mufu.hub.content.Visibility;

/**
 * Items as a member's staff fills in the form, field by named field instead of seventeen positional arguments:
 * {@code Drafts.article("幕阜山云海").body("<p>…</p>").topic(topic).alliance().input()}. What is not named is left
 * empty, as on a form.
 */
public final class Drafts {

	private Drafts() {
	}

	public static Draft article(String title) {
		return new Draft(ContentKind.ARTICLE, title);
	}

	public static Draft video(String title) {
		return new Draft(ContentKind.VIDEO, title);
	}

	public static Draft promo(String title) {
		return new Draft(ContentKind.PROMO, title);
	}

	/** An edit that names only what it changes: no kind, as an update sends. */
	public static Draft edit() {
		return new Draft(null, null);
	}

	/** One item's fields as they are named so far. */
	public static final class Draft {

		private final ContentKind kind;

		private String title;

		private String summary;

		private String body;

		private String cover;

		private String video;

		private String poster;

		private List<String> pictures;

		private List<String> tags;

		private List<String> topics;

		private String place;

		private ContentInput.GeoInput location;

		private Visibility visibility;

		private String author;

		private Draft(ContentKind kind, String title) {
			this.kind = kind;
			this.title = title;
		}

		public Draft title(String title) {
			this.title = title;
			return this;
		}

		public Draft summary(String summary) {
			this.summary = summary;
			return this;
		}

		public Draft body(String body) {
			this.body = body;
			return this;
		}

		public Draft cover(String assetId) {
			this.cover = assetId;
			return this;
		}

		/** A video's clip and the picture shown before it plays. */
		public Draft clip(String videoAssetId, String posterAssetId) {
			this.video = videoAssetId;
			this.poster = posterAssetId;
			return this;
		}

		/** A promotion's pictures. */
		public Draft pictures(String... assetIds) {
			this.pictures = List.of(assetIds);
			return this;
		}

		public Draft tags(String... tags) {
			this.tags = List.of(tags);
			return this;
		}

		public Draft topics(String... topics) {
			this.topics = List.of(topics);
			return this;
		}

		public Draft place(String placeName) {
			this.place = placeName;
			return this;
		}

		public Draft at(double latitude, double longitude) {
			this.location = new ContentInput.GeoInput(latitude, longitude);
			return this;
		}

		public Draft visibility(Visibility visibility) {
			this.visibility = visibility;
			return this;
		}

		/** Only the owner's county sees it. */
		public Draft county() {
			return visibility(Visibility.COUNTY);
		}

		/** Every member of the alliance sees it. */
		public Draft alliance() {
			return visibility(Visibility.ALLIANCE);
		}

		public Draft author(String author) {
			this.author = author;
			return this;
		}

		public ContentInput input() {
			return ContentInput.builder(this.kind, this.title).summary(this.summary).body(this.body).cover(this.cover)
				.clip(this.video, this.poster).assets(this.pictures).tags(this.tags).topics(this.topics)
				.place(this.place, this.location).visibility(this.visibility).author(this.author).build();
		}
	}
}
