package org.mufu.hub.content;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mufu.hub.index.AssetDocument;
import org.mufu.hub.index.IndexedDocument;
import org.mufu.hub.metadata.MediaKind;
import org.mufu.hub.metadata.PerceptualHash;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Makes an asset's index document from its record: what editors search it by besides its own fields. */
@Component
class AssetDocuments {

	private final ObjectMapper json;

	private final ObjectProvider<PlaceNames> places;

	AssetDocuments(ObjectMapper json, ObjectProvider<PlaceNames> places) {
		this.json = json;
		this.places = places;
	}

	IndexedDocument of(Asset asset) {
		Map<String, Object> record = this.json.convertValue(asset, new TypeReference<>() {
		});
		Optional<String> place = Optional.ofNullable(asset.location())
			.flatMap(point -> Optional.ofNullable(this.places.getIfAvailable())
				.flatMap(names -> names.near(point.latitude(), point.longitude())));
		Long pixels = asset.displayWidth() != null && asset.displayHeight() != null
				? (long) asset.displayWidth() * asset.displayHeight() : null;
		return new AssetDocument(asset.id(), record, type(asset), aspect(asset), place.orElse(null),
				asset.camera() != null ? asset.camera().make() : null, pixels,
				asset.location() != null
						? new AssetDocument.Place(asset.location().latitude(), asset.location().longitude()) : null,
				asset.phash() != null ? PerceptualHash.bands(asset.phash()) : null)
			.indexed();
	}

	/*
	 * A picture a camera took (it says which, or when) is a photo; one made on a computer (a logo, a designed
	 * poster, a scan without capture data) is a poster.
	 */
	static String type(Asset asset) {
		if (asset.kind() == MediaKind.VIDEO) {
			return "CLIP";
		}
		if (asset.kind() == MediaKind.DOCUMENT) {
			return "DOCUMENT";
		}
		boolean camera = asset.camera() != null && asset.camera().make() != null;
		return camera || asset.takenAt() != null ? "PHOTO" : "POSTER";
	}

	static String aspect(Asset asset) {
		if (asset.displayWidth() == null || asset.displayHeight() == null) {
			return null;
		}
		int compare = Integer.compare(asset.displayWidth(), asset.displayHeight());
		return compare > 0 ? "LANDSCAPE" : compare < 0 ? "PORTRAIT" : "SQUARE";
	}
}
