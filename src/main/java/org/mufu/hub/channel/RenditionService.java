package org.mufu.hub.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import jakarta.annotation.PreDestroy;
import org.mufu.hub.Workers;
import org.mufu.hub.content.Asset;
import org.mufu.hub.content.AssetService;
import org.mufu.hub.index.ContentDocument;
import org.mufu.hub.metadata.MediaKind;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.stereotype.Service;

/**
 * Channel renditions of pictures, kept beside the original in storage: made on first use, reused after,
 * made anew when the focal point moves (its position is part of the file name).
 */
@Service
public class RenditionService {

	private final ObjectStorage storage;

	private final AssetService assets;

	private final ChannelCatalog catalog;

	/*
	 * Keys of renditions known to be in storage. A key names its size and focal point, so what it holds never
	 * changes: a feed page need not list an asset's folder again once its renditions are known.
	 */
	private final Set<String> known = ConcurrentHashMap.newKeySet();

	private final ExecutorService writers = Workers.pool("rendition-writer", 4);

	RenditionService(ObjectStorage storage, AssetService assets, ChannelCatalog catalog) {
		this.storage = storage;
		this.assets = assets;
		this.catalog = catalog;
	}

	/** Every rendition a name may stand for: a channel's, or "thumb". */
	public Optional<RenditionSpec> spec(String name) {
		if ("thumb".equals(name)) {
			return Optional.of(this.catalog.thumb());
		}
		return this.catalog.channels()
			.values()
			.stream()
			.flatMap(profile -> profile.renditions().stream())
			.filter(spec -> spec.name().equals(name))
			.findFirst();
	}

	/** Whether a picture is large enough for a rendition without enlarging it past the allowed factor. */
	public boolean tooSmallFor(Asset picture, RenditionSpec spec) {
		var region = Crops.region(picture.displayWidth(), picture.displayHeight(), spec, picture.focusX(),
				picture.focusY());
		return Crops.scale(region, spec) > this.catalog.renditions().maxUpscale();
	}

	/** The renditions of a picture, made and stored where missing. */
	public Map<String, StoredRendition> ensure(Asset picture, List<RenditionSpec> specs) {
		if (picture.kind() != MediaKind.IMAGE) {
			throw new IllegalArgumentException("renditions are made of pictures only");
		}
		Map<String, StoredRendition> stored = new LinkedHashMap<>();
		List<RenditionSpec> missing = new ArrayList<>();
		String folder = AssetService.renditionsFolder(picture.id());
		boolean allKnown = specs.stream()
			.allMatch(spec -> this.known.contains(folder + spec.fileName(picture.focusX(), picture.focusY())));
		if (!allKnown) {
			this.known.addAll(this.storage.list(folder));
		}
		for (RenditionSpec spec : specs) {
			String key = folder + spec.fileName(picture.focusX(), picture.focusY());
			if (this.known.contains(key)) {
				stored.put(spec.name(), new StoredRendition(spec.name(), spec.width(), height(picture, spec), key));
			}
			else {
				missing.add(spec);
			}
		}
		if (!missing.isEmpty()) {
			Map<RenditionSpec, Renderer.Rendered> made = this.assets.decodingOriginal(picture,
					original -> Renderer.render(original, picture.orientation() != null ? picture.orientation() : 1,
							picture.focusX(), picture.focusY(), missing));
			// stored side by side: each is a round trip to the storage server, not work for this core
			List<Runnable> puts = new ArrayList<>();
			made.forEach((spec, rendered) -> {
				String key = folder + spec.fileName(picture.focusX(), picture.focusY());
				puts.add(() -> this.storage.putBytes(key, rendered.bytes(), "image/jpeg"));
				stored.put(spec.name(), new StoredRendition(spec.name(), rendered.width(), rendered.height(), key));
			});
			Workers.run(this.writers, puts);
			stored.values().forEach(rendition -> this.known.add(rendition.key()));
		}
		return stored;
	}

	/**
	 * A cover's renditions as a feed page gives them out, from what the index keeps of the picture: named by its
	 * size and focal point, without reading storage once this hub knows they exist. Any it does not know are made
	 * from the picture as it stands now (its focal point may have moved since the index was told).
	 */
	public List<StoredRendition> forFeed(ContentDocument.Picture cover, List<RenditionSpec> specs) {
		String folder = AssetService.renditionsFolder(cover.assetId());
		List<StoredRendition> named = specs.stream()
			.map(spec -> new StoredRendition(spec.name(), spec.width(),
					height(cover.width(), cover.height(), spec), folder + spec.fileName(cover.focusX(), cover.focusY())))
			.toList();
		if (named.stream().allMatch(rendition -> this.known.contains(rendition.key()))) {
			return named;
		}
		return this.assets.find(cover.assetId())
			.filter(picture -> picture.kind() == MediaKind.IMAGE)
			.map(picture -> List.copyOf(ensure(picture, specs).values()))
			.orElse(List.of());
	}

	@PreDestroy
	void stop() {
		this.writers.shutdownNow();
	}

	/** Drops renditions made for an earlier focal point. */
	public void dropOutdated(Asset picture) {
		String folder = AssetService.renditionsFolder(picture.id());
		String focus = String.format(java.util.Locale.ROOT, "-f%03d%03d.jpg", Math.round(picture.focusX() * 1000) % 1000,
				Math.round(picture.focusY() * 1000) % 1000);
		this.storage.list(folder).stream().filter(key -> !key.endsWith(focus)).forEach(key -> {
			this.storage.delete(key);
			this.known.remove(key);
		});
	}

	private static int height(Asset picture, RenditionSpec spec) {
		return height(picture.displayWidth(), picture.displayHeight(), spec);
	}

	private static int height(int pictureWidth, int pictureHeight, RenditionSpec spec) {
		if (spec.height() > 0) {
			return spec.height();
		}
		int width = Math.min(spec.width(), pictureWidth);
		return (int) Math.round((double) width * pictureHeight / pictureWidth);
	}
}
