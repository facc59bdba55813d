package org.mufu.hub.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An item as the index keeps it: its record's own fields as stored, and what the hub derives from the record and
 * the assets it uses, for filters, facets and the feed. The one place a content document's fields are named; the
 * indexer adds the feed positions ({@link FeedPositions}) and the words search reads ({@link SearchFields}).
 */
public record ContentDocument(String id, Map<String, Object> record, String pendingStatus, String submittedAt,
		List<String> usedAssetIds, List<String> assetText, Place geo, Shape shape, List<String> readyChannels,
		Media media) {

	/** A point on the map, as the index's geo_point takes it. */
	public record Place(double lat, double lon) {
	}

	/** The size, orientation and capture time of the item's main picture or clip, its duration for a clip. */
	public record Shape(Integer width, Integer height, String orientation, String capturedAt, Double durationSeconds) {
	}

	/**
	 * What a feed page shows of an item's cover and clip, and whose each file it uses is (a member's own files
	 * need no further look-up), so a page reads nothing from storage.
	 */
	public record Media(Picture cover, Clip video, Map<String, String> owners) {

		public static final Media NONE = new Media(null, null, Map.of());

		public Media {
			owners = owners == null ? Map.of() : Map.copyOf(owners);
		}
	}

	/** A cover picture: upright size and focal point, which name its renditions. */
	public record Picture(String assetId, int width, int height, double focusX, double focusY) {
	}

	/** A clip as the feed describes it. */
	public record Clip(String assetId, String contentType, Double durationSeconds, Integer orientation, Integer width,
			Integer height, Double frameRate) {
	}

	public static Builder of(String id, Map<String, Object> record) {
		return new Builder(id, record);
	}

	/** The document as Elasticsearch takes it. */
	public IndexedDocument indexed() {
		Map<String, Object> fields = new HashMap<>(this.record);
		put(fields, ContentFields.PENDING_STATUS, this.pendingStatus);
		put(fields, ContentFields.SUBMITTED_AT, this.submittedAt);
		fields.put(ContentFields.USED_ASSET_IDS, this.usedAssetIds);
		fields.put(ContentFields.ASSET_TEXT, this.assetText);
		if (this.geo != null) {
			fields.put(ContentFields.GEO, Map.of("lat", this.geo.lat(), "lon", this.geo.lon()));
		}
		if (this.shape != null) {
			put(fields, ContentFields.COVER_WIDTH, this.shape.width());
			put(fields, ContentFields.COVER_HEIGHT, this.shape.height());
			put(fields, ContentFields.ORIENTATION, this.shape.orientation());
			put(fields, ContentFields.CAPTURED_AT, this.shape.capturedAt());
			put(fields, ContentFields.DURATION_SECONDS, this.shape.durationSeconds());
		}
		fields.put(ContentFields.READY_CHANNELS, this.readyChannels);
		fields.put(ContentFields.MEDIA, media(this.media));
		return new IndexedDocument(this.id, fields);
	}

	private static Map<String, Object> media(Media media) {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (media.cover() != null) {
			Picture cover = media.cover();
			fields.put("cover", Map.of("assetId", cover.assetId(), "width", cover.width(), "height", cover.height(),
					"focusX", cover.focusX(), "focusY", cover.focusY()));
		}
		if (media.video() != null) {
			Clip clip = media.video();
			Map<String, Object> video = new LinkedHashMap<>();
			video.put("assetId", clip.assetId());
			put(video, "contentType", clip.contentType());
			put(video, "durationSeconds", clip.durationSeconds());
			put(video, "orientation", clip.orientation());
			put(video, "width", clip.width());
			put(video, "height", clip.height());
			put(video, "frameRate", clip.frameRate());
			fields.put("video", video);
		}
		fields.put("owners", media.owners());
		return fields;
	}

	private static void put(Map<String, Object> fields, String name, Object value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

	/** Assembles a document: the item's feature builds the record part, others add what they derive. */
	public static final class Builder {

		private final String id;

		private final Map<String, Object> record;

		private String pendingStatus;

		private String submittedAt;

		private List<String> usedAssetIds = List.of();

		private List<String> assetText = List.of();

		private Place geo;

		private Shape shape;

		private List<String> readyChannels = new ArrayList<>();

		private Media media = Media.NONE;

		private Builder(String id, Map<String, Object> record) {
			this.id = id;
			this.record = record;
		}

		public Builder pendingStatus(String status) {
			this.pendingStatus = status;
			return this;
		}

		/** When the item, or its changes, went into review: what the review queue is ordered by. */
		public Builder submittedAt(java.time.Instant at) {
			this.submittedAt = at != null ? at.toString() : null;
			return this;
		}

		public Builder usedAssetIds(List<String> ids) {
			this.usedAssetIds = List.copyOf(ids);
			return this;
		}

		public Builder assetText(List<String> text) {
			this.assetText = List.copyOf(text);
			return this;
		}

		public Builder geo(double lat, double lon) {
			this.geo = new Place(lat, lon);
			return this;
		}

		public Builder shape(Shape shape) {
			this.shape = shape;
			return this;
		}

		public Builder readyChannels(List<String> channels) {
			this.readyChannels = List.copyOf(channels);
			return this;
		}

		public Builder media(Media media) {
			this.media = media;
			return this;
		}

		public ContentDocument build() {
			return new ContentDocument(this.id, this.record, this.pendingStatus, this.submittedAt, this.usedAssetIds, this.assetText,
					this.geo, this.shape, this.readyChannels, this.media);
		}
	}
}
