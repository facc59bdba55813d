package org.mufu.hub.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Callers;
import org.mufu.hub.security.Role;
import org.mufu.hub.storage.ObjectStorage;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads {@code media-samples/} once, when the archive is empty, through the same upload and content
 * services members use, each file as its owning member's uploader.
 */
@Component
class DemoArchive {

	private static final Log logger = LogFactory.getLog(DemoArchive.class);

	private static final String ROOT = "media-samples/";

	private final AssetService assets;

	private final ContentService contents;

	private final ObjectStorage storage;

	private final ObjectMapper json;

	private final boolean enabled;

	DemoArchive(AssetService assets, ContentService contents, ObjectStorage storage, ObjectMapper json,
			@Value("${hub.samples.load:true}") boolean enabled) {
		this.assets = assets;
		this.contents = contents;
		this.storage = storage;
		this.json = json;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadWhenEmpty() {
		if (!this.enabled || this.storage.any("content/") || this.storage.any(Records.PACKS)) {
			return;
		}
		long started = System.currentTimeMillis();
		Manifest manifest = read("manifest.json", Manifest.class);
		Map<String, String> uploaded = new HashMap<>();
		for (Manifest.Item item : manifest.items()) {
			Caller uploader = new Caller(item.owner(), Role.UPLOADER);
			Callers.as(uploader, () -> this.contents.create(uploader, input(item, uploader, uploaded)));
		}
		logger.info("Loaded the demo archive from media-samples: " + manifest.items().size() + " items, "
				+ uploaded.size() + " files, in " + (System.currentTimeMillis() - started) + " ms");
	}

	private ContentInput input(Manifest.Item item, Caller uploader, Map<String, String> uploaded) {
		String cover = upload(item.cover(), uploader, uploaded);
		String video = upload(item.video(), uploader, uploaded);
		String poster = upload(item.poster(), uploader, uploaded);
		List<String> promoAssets = item.assets() == null ? null
				: item.assets().stream().map(path -> upload(path, uploader, uploaded)).toList();
		if (item.article() == null) {
			return new ContentInput(item.kind(), item.title(), item.summary(), null, cover, null, video, poster,
					promoAssets, item.tags(), item.topics(), item.place(), null, item.credits(), item.visibility(),
					null, null);
		}
		String text = new String(bytes(item.article()), StandardCharsets.UTF_8);
		String[] parts = text.split("(?m)^---\\s*$", 3);
		Map<String, Object> front = new Yaml().load(parts[1]);
		ContentInput.GeoInput location = front.get("latitude") != null
				? new ContentInput.GeoInput(((Number) front.get("latitude")).doubleValue(),
						((Number) front.get("longitude")).doubleValue())
				: null;
		return new ContentInput(item.kind(), (String) front.get("title"), (String) front.get("summary"),
				parts[2].strip(), cover, null, null, null, null, strings(front.get("tags")),
				strings(front.get("topics")), (String) front.get("place"), location, strings(front.get("credits")),
				item.visibility(), null, (String) front.get("author"));
	}

	private String upload(String path, Caller uploader, Map<String, String> uploaded) {
		if (path == null) {
			return null;
		}
		return uploaded.computeIfAbsent(uploader.org() + ":" + path, key -> {
			try (InputStream in = new ClassPathResource(ROOT + path).getInputStream()) {
				return this.assets.upload(uploader, path.substring(path.lastIndexOf('/') + 1), in).id();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read sample " + path, ex);
			}
		});
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		return value == null ? null : ((List<Object>) value).stream().map(String::valueOf).toList();
	}

	private byte[] bytes(String path) {
		try (InputStream in = new ClassPathResource(ROOT + path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read sample " + path, ex);
		}
	}

	private <T> T read(String path, Class<T> type) {
		try {
			return this.json.readValue(bytes(path), type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + ROOT + path, ex);
		}
	}

	record Manifest(String description, List<Item> items) {

		record Item(String owner, ContentKind kind, String article, String cover, String title, String summary,
				String video, String poster, List<String> assets, String place, List<String> tags,
				List<String> topics, List<String> credits, Visibility visibility) {
		}
	}
}
