package org.mufu.hub.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.changelog.Leases;
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

	private static final String LEASE = "demo-archive";

	private static final String STARTED = "samples/started";

	private static final String LOADED = "samples/loaded";

	private final Uploads uploads;

	private final ContentService contents;

	private final ObjectStorage storage;

	private final ObjectMapper json;

	private final boolean enabled;

	private final Leases leases;

	DemoArchive(Uploads uploads, ContentService contents, ObjectStorage storage, ObjectMapper json,
			@Value("${hub.samples.load:true}") boolean enabled, Leases leases) {
		this.leases = leases;
		this.uploads = uploads;
		this.contents = contents;
		this.storage = storage;
		this.json = json;
		this.enabled = enabled;
	}

	/*
	 * One hub loads it, whichever takes the lease first; the others see it loaded. Each item is created with an
	 * idempotency key of its own and the files are recognised as duplicates, so a start after a load cut short
	 * finishes it without making anything twice.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void loadWhenEmpty() {
		if (!this.enabled || this.storage.exists(LOADED) || (!this.storage.exists(STARTED) && hasItems())) {
			return;
		}
		if (!this.leases.hold(LEASE, Duration.ofMinutes(5))) {
			logger.info("Another hub is loading the demo archive");
			return;
		}
		this.storage.putBytes(STARTED, new byte[0], "text/plain");
		long started = System.currentTimeMillis();
		Manifest manifest = read("manifest.json", Manifest.class);
		Map<String, String> uploaded = new HashMap<>();
		for (int n = 0; n < manifest.items().size(); n++) {
			Manifest.Item item = manifest.items().get(n);
			Caller uploader = new Caller(item.owner(), Role.UPLOADER);
			String key = "media-samples:" + n;
			Callers.as(uploader, () -> this.contents.create(uploader, input(item, uploader, uploaded), key));
		}
		this.storage.putBytes(LOADED, new byte[0], "text/plain");
		this.leases.release(LEASE);
		logger.info("Loaded the demo archive from media-samples: " + manifest.items().size() + " items, "
				+ uploaded.size() + " files, in " + (System.currentTimeMillis() - started) + " ms");
	}

	/* An archive from before the demo was marked loaded: it is there, or the members' own items are. */
	private boolean hasItems() {
		return this.storage.any("content/") || this.storage.any(Records.PACKS);
	}

	private ContentInput input(Manifest.Item item, Caller uploader, Map<String, String> uploaded) {
		String cover = upload(item.cover(), uploader, uploaded);
		String video = upload(item.video(), uploader, uploaded);
		String poster = upload(item.poster(), uploader, uploaded);
		List<String> promoAssets = item.assets() == null ? null
				: item.assets().stream().map(path -> upload(path, uploader, uploaded)).toList();
		if (item.article() == null) {
			return ContentInput.builder(item.kind(), item.title()).summary(item.summary()).cover(cover)
				.clip(video, poster).assets(promoAssets).tags(item.tags()).topics(item.topics())
				.place(item.place(), null).credits(item.credits()).visibility(item.visibility()).build();
		}
		String text = new String(bytes(item.article()), StandardCharsets.UTF_8);
		String[] parts = text.split("(?m)^---\\s*$", 3);
		Map<String, Object> front = new Yaml().load(parts[1]);
		ContentInput.GeoInput location = front.get("latitude") != null
				? new ContentInput.GeoInput(((Number) front.get("latitude")).doubleValue(),
						((Number) front.get("longitude")).doubleValue())
				: null;
		return ContentInput.builder(item.kind(), (String) front.get("title")).summary((String) front.get("summary"))
			.body(parts[2].strip()).cover(cover).tags(strings(front.get("tags"))).topics(strings(front.get("topics")))
			.place((String) front.get("place"), location).credits(strings(front.get("credits")))
			.visibility(item.visibility()).author((String) front.get("author")).build();
	}

	private String upload(String path, Caller uploader, Map<String, String> uploaded) {
		if (path == null) {
			return null;
		}
		return uploaded.computeIfAbsent(uploader.org() + ":" + path, key -> {
			try (InputStream in = new ClassPathResource(ROOT + path).getInputStream()) {
				return this.uploads.upload(uploader, path.substring(path.lastIndexOf('/') + 1), in).asset().id();
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
