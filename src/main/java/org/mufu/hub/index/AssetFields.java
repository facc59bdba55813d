package org.mufu.hub.index;

/**
 * The names of the asset index's fields that the code asks for, shared by the mapping ({@code index/assets.json}),
 * the documents and asset search. {@code AssetFieldsTest} checks them against the mapping.
 */
public final class AssetFields {

	// the asset record's own fields, as stored
	public static final String ID = "id";

	public static final String OWNER = "owner";

	public static final String KIND = "kind";

	public static final String SHA256 = "sha256";

	public static final String FILENAME = "filename";

	public static final String BYTE_SIZE = "byteSize";

	public static final String TAKEN_AT = "takenAt";

	public static final String LOCATION = "location";

	public static final String CAPTION = "caption";

	public static final String TITLE = "title";

	public static final String KEYWORDS = "keywords";

	public static final String CREATOR = "creator";

	public static final String COPYRIGHT = "copyright";

	public static final String DURATION_SECONDS = "durationSeconds";

	public static final String CREATED_AT = "createdAt";

	public static final String DISPLAY_WIDTH = "displayWidth";

	public static final String DISPLAY_HEIGHT = "displayHeight";

	public static final String COLOR_SPACE = "colorSpace";

	public static final String PHASH_BANDS = "phashBands";

	/** The owner's word that other members may use it. */
	public static final String SHAREABLE = "shareable";

	// derived (see AssetDocument)
	/** PHOTO, POSTER, CLIP or DOCUMENT: what an editor calls it. */
	public static final String TYPE = "type";

	/** LANDSCAPE, PORTRAIT or SQUARE, as shown. */
	public static final String ASPECT = "aspect";

	/** The gazetteer's nearest named place to where it was taken, within a few kilometres. */
	public static final String PLACE = "place";

	public static final String CAMERA_MAKE = "cameraMake";

	public static final String PIXELS = "pixels";

	// from the items that use it (see AssetUsage)
	public static final String USED_BY = "usedBy";

	public static final String USED_STATUS = "usedStatus";

	public static final String USED_VISIBILITY = "usedVisibility";

	/** Whether another member may use it: shareable, or used by one of its owner's ALLIANCE items. */
	public static final String SHARED = "shared";

	// the words search reads
	public static final String TEXT_SEG = "textSeg";

	public static final String ALL_TEXT = "allText";

	private AssetFields() {
	}
}
