package org.mufu.hub.index;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the items that use an asset say about it, kept on the asset's document so asset search can filter on it:
 * which items use it, their statuses and visibilities, and whether another member may use it (its owner made it
 * shareable, or one of the owner's own ALLIANCE items uses it: the access policy's rule for sharing a file).
 */
final class AssetUsage {

	/** One item that uses the asset, as the content index holds it. */
	record Use(String item, String owner, String status, String visibility) {

		static Use of(Map<String, Object> fields) {
			return new Use((String) fields.get(ContentFields.ID), (String) fields.get(ContentFields.OWNER),
					(String) fields.get(ContentFields.STATUS), (String) fields.get(ContentFields.VISIBILITY));
		}
	}

	/** What of an item decides its assets' usage: a change to any of it means their documents are derived again. */
	record Facts(String owner, String status, String visibility, Set<String> used) {

		static final Facts NONE = new Facts(null, null, null, Set.of());

		/** The same facts with more assets used: those before and after, for an entry applied again. */
		Facts withUsed(Set<String> more) {
			Set<String> all = new java.util.HashSet<>(this.used);
			all.addAll(more);
			return new Facts(this.owner, this.status, this.visibility, all);
		}

		@SuppressWarnings("unchecked")
		static Facts of(Map<String, Object> fields) {
			Object used = fields.get(ContentFields.USED_ASSET_IDS);
			return new Facts((String) fields.get(ContentFields.OWNER), (String) fields.get(ContentFields.STATUS),
					(String) fields.get(ContentFields.VISIBILITY),
					used instanceof Collection<?> ids ? Set.copyOf((Collection<String>) ids) : Set.of());
		}
	}

	private AssetUsage() {
	}

	/** The assets whose documents an item's change affects: those it used before and uses after, if anything changed. */
	static Set<String> affected(Facts before, Facts after) {
		if (before.equals(after)) {
			return Set.of();
		}
		Set<String> ids = new java.util.HashSet<>(before.used());
		ids.addAll(after.used());
		return ids;
	}

	/** The asset document with its uses. */
	static Map<String, Object> with(Map<String, Object> asset, Collection<Use> uses) {
		String owner = (String) asset.get(AssetFields.OWNER);
		asset.put(AssetFields.USED_BY, uses.stream().map(Use::item).distinct().sorted().toList());
		asset.put(AssetFields.USED_STATUS, values(uses.stream().map(Use::status).toList()));
		asset.put(AssetFields.USED_VISIBILITY, values(uses.stream().map(Use::visibility).toList()));
		boolean sharedThroughItem = uses.stream()
			.anyMatch(use -> Objects.equals(use.owner(), owner) && "ALLIANCE".equals(use.visibility()));
		asset.put(AssetFields.SHARED, Boolean.TRUE.equals(asset.get(AssetFields.SHAREABLE)) || sharedThroughItem);
		return asset;
	}

	private static List<String> values(List<String> values) {
		return List.copyOf(new TreeSet<>(values.stream().filter(Objects::nonNull).toList()));
	}
}
