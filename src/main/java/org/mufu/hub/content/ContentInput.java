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
}
