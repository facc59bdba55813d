package org.mufu.hub.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mufu.hub.index.ContentDocument;
import org.mufu.hub.index.IndexedDocument;
import org.mufu.hub.metadata.GeoPoint;
import org.mufu.hub.metadata.MediaKind;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/** Makes an item's index document from its record and the assets it uses, as they stand in storage. */
@Component
class ContentDocuments {

	private final AssetService assets;

	private final ObjectMapper json;

	/*
	 * The contributors, looked up once, on first use: they depend on services that depend on this one, so they
	 * cannot be constructor arguments, and asking the bean factory for them per document was a fifth of making a
	 * document (6% of an archive import's CPU).
	 */
	private final SingletonSupplier<List<ContentDocumentContributor>> contributors;

	ContentDocuments(AssetService assets, ObjectMapper json, ObjectProvider<ContentDocumentContributor> contributors) {
		this.assets = assets;
		this.json = json;
		this.contributors = SingletonSupplier.of(() -> contributors.orderedStream().toList());
	}

	IndexedDocument of(ContentItem item) {
		Map<String, Object> record = this.json.convertValue(item, new TypeReference<>() {
		});
		// the index holds the version on the channels; changes waiting for review are found by their status
		record.remove("pending");
		ContentDocument.Builder document = ContentDocument.of(item.id(), record)
			.pendingStatus(item.pending() != null ? item.pending().status().name() : null)
			.submittedAt(item.submitted() != null ? item.submitted().at() : null)
			.usedAssetIds(List.copyOf(item.allAssetIds()));
		List<Asset> used = item.allAssetIds().stream().map(this.assets::find).flatMap(Optional::stream).toList();
		document.assetText(used.stream()
			.flatMap(asset -> Stream.concat(Stream.of(asset.caption(), asset.title(), asset.creator()),
					asset.keywords() == null ? Stream.empty() : asset.keywords().stream()))
			.filter(Objects::nonNull)
			.toList());
		Map<String, Asset> byId = new HashMap<>();
		used.forEach(asset -> byId.put(asset.id(), asset));
		Optional<Asset> picture = Optional.ofNullable(item.coverSourceId()).map(byId::get);
		Optional<Asset> clip = Optional.ofNullable(item.videoAssetId()).map(byId::get);
		GeoPoint place = item.location() != null ? item.location()
				: picture.map(Asset::location).or(() -> clip.map(Asset::location)).orElse(null);
		if (place != null) {
			document.geo(place.latitude(), place.longitude());
		}
		(clip.isPresent() ? clip : picture).ifPresent(asset -> document.shape(new ContentDocument.Shape(
				asset.displayWidth(), asset.displayHeight(), AssetDocuments.aspect(asset), asset.takenAt(),
				clip.map(Asset::durationSeconds).orElse(null))));
		Map<String, String> owners = new HashMap<>();
		used.forEach(asset -> owners.put(asset.id(), asset.owner()));
		document.media(new ContentDocument.Media(picture.flatMap(ContentDocuments::cover).orElse(null),
				clip.map(ContentDocuments::clip).orElse(null), owners));
		for (ContentDocumentContributor contributor : this.contributors.obtain()) {
			contributor.contribute(item, byId, document);
		}
		return document.build().indexed();
	}

	private static Optional<ContentDocument.Picture> cover(Asset asset) {
		if (asset.kind() != MediaKind.IMAGE || asset.displayWidth() == null || asset.displayHeight() == null) {
			return Optional.empty();
		}
		return Optional.of(new ContentDocument.Picture(asset.id(), asset.displayWidth(), asset.displayHeight(),
				asset.focusX(), asset.focusY()));
	}

	private static ContentDocument.Clip clip(Asset clip) {
		return new ContentDocument.Clip(clip.id(), clip.contentType(), clip.durationSeconds(), clip.orientation(),
				clip.displayWidth(), clip.displayHeight(), clip.frameRate());
	}
}
