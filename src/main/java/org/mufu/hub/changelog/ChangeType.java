package org.mufu.hub.changelog;

/** What one entry of the change log records. */
public enum ChangeType {

	CONTENT_CREATED,
	CONTENT_CHANGED,
	CONTENT_SUBMITTED,
	CONTENT_SENT_BACK,
	/** Published to channels; {@link Change#channels()} are those it became visible on at once. */
	CONTENT_PUBLISHED,
	/** A scheduled item's publishing time came; {@link Change#channels()} are those it became visible on. */
	CONTENT_SCHEDULE_REACHED,
	/**
	 * Changes to a live item approved: the channels it is on show the new version (their apps are told it
	 * changed); {@link Change#channels()} are those it became visible on at once.
	 */
	CONTENT_REVISED,
	CONTENT_WITHDRAWN,
	/** An item's expiry time passed; it left every channel's feed. */
	CONTENT_EXPIRED,
	CONTENT_DELETED,
	/** Up to 500 imported items, stored together in one pack; {@link Change#subject()} is the pack's id. */
	PACK_IMPORTED,
	/**
	 * A pack taken back because its import could not store the rest: its items leave the index as if deleted.
	 * {@link Change#version()} is how many items the pack held.
	 */
	PACK_WITHDRAWN,
	ASSET_ADDED,
	ASSET_FOCAL_POINT_MOVED,
	/** Its owner or an editor changed what the record says: keywords, caption, credit, whether it is shareable. */
	ASSET_CHANGED,
	ASSET_DELETED;

	public boolean aboutAsset() {
		return this == ASSET_ADDED || this == ASSET_FOCAL_POINT_MOVED || this == ASSET_CHANGED
				|| this == ASSET_DELETED;
	}
}
