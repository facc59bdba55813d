package org.mufu.hub.content;

import java.util.List;

/** What a member sends to create or change an item; on update, fields left out stay as they are. */
public record ContentInput(ContentKind kind, String title, String summary, String body, String coverAssetId,
		List<String> inlineAssetIds, String videoAssetId, String posterAssetId, List<String> assetIds,
		List<String> tags, List<String> topics, String placeName, GeoInput location, List<String> credits,
		Visibility visibility, String language, String author) {

	/** A point given by a person: degrees north and east. */
	public record GeoInput(double latitude, double longitude) {
	}

	/** An input named field by field, as a form fills it; what is not named stays empty. */
	public static Builder builder(ContentKind kind, String title) {
		return new Builder(kind, title);
	}

	/** The one place an input is assembled from its seventeen parts. */
	public static final class Builder {

		private final ContentKind kind;

		private final String title;

		private String summary;

		private String body;

		private String cover;

		private String video;

		private String poster;

		private List<String> assets;

		private List<String> tags;

		private List<String> topics;

		private String place;

		private GeoInput location;

		private List<String> credits;

		private Visibility visibility;

		private String author;

		private Builder(ContentKind kind, String title) {
			this.kind = kind;
			this.title = title;
		}

		public Builder summary(String summary) {
			this.summary = summary;
			return this;
		}

		public Builder body(String body) {
			this.body = body;
			return this;
		}

		public Builder cover(String assetId) {
			this.cover = assetId;
			return this;
		}

		/** A video's clip and the picture shown before it plays. */
		public Builder clip(String videoAssetId, String posterAssetId) {
			this.video = videoAssetId;
			this.poster = posterAssetId;
			return this;
		}

		/** A promotion's pictures. */
		public Builder assets(List<String> assetIds) {
			this.assets = assetIds;
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

		public Builder place(String placeName, GeoInput location) {
			this.place = placeName;
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

		public Builder author(String author) {
			this.author = author;
			return this;
		}

		public ContentInput build() {
			return new ContentInput(this.kind, this.title, this.summary, this.body, this.cover, null, this.video,
					this.poster, this.assets, this.tags, this.topics, this.place, this.location, this.credits,
					this.visibility, null, this.author);
		}
	}
}
