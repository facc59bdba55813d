package org.mufu.hub.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.mufu.hub.metadata.GeoPoint;

/** One article, video or promotion with its media, as kept in {@code content/{id}.json}. */
public record ContentItem(String id, ContentKind kind, String owner, ContentStatus status, String title,
		String summary, String body, String coverAssetId, List<String> inlineAssetIds, String videoAssetId,
		String posterAssetId, List<String> assetIds, List<String> tags, List<String> topics, String placeName,
		GeoPoint location, List<String> credits, Visibility visibility, String language, int version,
		Instant createdAt, Instant updatedAt, String createdBy, String updatedBy) {

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
