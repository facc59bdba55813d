package org.mufu.hub.index;

/**
 * The names of the content index's fields, shared by the mapping ({@code index/content.json}), the documents,
 * the filters, search and the feed. {@code ContentFieldsTest} checks them against the mapping.
 */
public final class ContentFields {

	// the item record's own fields, as stored
	public static final String ID = "id";

	public static final String KIND = "kind";

	public static final String STATUS = "status";

	public static final String OWNER = "owner";

	public static final String VISIBILITY = "visibility";

	public static final String LANGUAGE = "language";

	public static final String TITLE = "title";

	public static final String TAGS = "tags";

	public static final String TOPICS = "topics";

	public static final String PLACE_NAME = "placeName";

	public static final String VERSION = "version";

	public static final String CHANNELS = "channels";

	public static final String PUBLISH_AT = "publishAt";

	public static final String EXPIRE_AT = "expireAt";

	public static final String PUBLISHED_AT = "publishedAt";

	public static final String CREATED_AT = "createdAt";

	public static final String UPDATED_AT = "updatedAt";

	// derived from the record and the assets it uses (see ContentDocument)
	public static final String PENDING_STATUS = "pendingStatus";

	/** When what waits for review was submitted; absent when nothing of the item waits. */
	public static final String SUBMITTED_AT = "submittedAt";

	public static final String USED_ASSET_IDS = "usedAssetIds";

	public static final String ASSET_TEXT = "assetText";

	public static final String GEO = "geo";

	public static final String COVER_WIDTH = "coverWidth";

	public static final String COVER_HEIGHT = "coverHeight";

	public static final String ORIENTATION = "orientation";

	public static final String CAPTURED_AT = "capturedAt";

	public static final String DURATION_SECONDS = "durationSeconds";

	public static final String READY_CHANNELS = "readyChannels";

	/** What a feed page shows of the cover and the clip, so it reads nothing from storage; kept, not indexed. */
	public static final String MEDIA = "media";

	// the words search reads (see SearchFields)
	public static final String TITLE_SEG = "titleSeg";

	public static final String TEXT_SEG = "textSeg";

	public static final String ALL_TEXT = "allText";

	public static final String SUGGEST = "suggest";

	// where the item stands in each channel's feed (see FeedPositions)
	public static final String POSITIONS = "positions";

	public static final String FEED_CHANNELS = "feedChannels";

	public static final String AWAITING = "awaiting";

	private ContentFields() {
	}
}
