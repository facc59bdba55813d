package org.mufu.hub.content;

import java.util.ArrayList;
import java.util.List;

/** An item that uses an asset, and how: as its cover, in its body, as a clip's poster, as its clip, in a promotion. */
public record AssetUse(ContentItem content, Role role) {

	public enum Role {
		COVER, INLINE, POSTER, VIDEO, PROMOTION
	}

	/** Every way the item (its live version) uses the asset. */
	static List<AssetUse> of(ContentItem item, String assetId) {
		List<AssetUse> uses = new ArrayList<>();
		if (assetId.equals(item.coverAssetId())) {
			uses.add(new AssetUse(item, Role.COVER));
		}
		if (item.inlineAssetIds() != null && item.inlineAssetIds().contains(assetId)) {
			uses.add(new AssetUse(item, Role.INLINE));
		}
		if (assetId.equals(item.posterAssetId())) {
			uses.add(new AssetUse(item, Role.POSTER));
		}
		if (assetId.equals(item.videoAssetId())) {
			uses.add(new AssetUse(item, Role.VIDEO));
		}
		if (item.assetIds() != null && item.assetIds().contains(assetId)) {
			uses.add(new AssetUse(item, Role.PROMOTION));
		}
		return uses;
	}
}
