package org.mufu.hub.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;
import org.mufu.hub.index.ContentFilter;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.index.IndexedDocument;
import org.mufu.hub.metadata.GeoPoint;
import org.mufu.hub.metadata.MediaKind;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Role;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/**
 * Creates, changes, reads and deletes items. The record in storage is written first and is the truth;
 * the index follows before the call returns.
 */
@Service
public class ContentService {

	private static final int MAX_TITLE = 200;

	private static final int MAX_TAGS = 30;

	private final Records records;

	private final Packs packs;

	private final ObjectStorage storage;

	private final AssetService assets;

	private final ContentIndex index;

	private final ObjectMapper json;

	private final Object[] locks = new Object[64];

	/*
	 * The contributors, looked up once, on first use: they depend on services that depend on this one, so they
	 * cannot be constructor arguments, and asking the bean factory for them per document was a fifth of making a
	 * document (6% of an archive import's CPU).
	 */
	private final SingletonSupplier<List<ContentDocumentContributor>> contributors;

	ContentService(Records records, Packs packs, ObjectStorage storage, AssetService assets, ContentIndex index,
			ObjectMapper json, org.springframework.beans.factory.ObjectProvider<ContentDocumentContributor> contributors) {
		this.contributors = SingletonSupplier.of(() -> contributors.orderedStream().toList());
		this.records = records;
		this.packs = packs;
		this.storage = storage;
		this.assets = assets;
		this.index = index;
		this.json = json;
		for (int i = 0; i < this.locks.length; i++) {
			this.locks[i] = new Object();
		}
	}

	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public ContentItem create(Caller caller, ContentInput input) {
		if (input.kind() == null) {
			throw HubException.badRequest("Say what the item is: kind ARTICLE, VIDEO or PROMO.");
		}
		Instant now = Instant.now();
		String by = caller.org() + ":" + caller.role();
		ContentItem item = new ContentItem(Ids.next(), input.kind(), caller.org(), ContentStatus.DRAFT, input.title(),
				input.summary(), ArticleHtml.sanitize(input.body()), input.coverAssetId(),
				ContentItem.listOrEmpty(input.inlineAssetIds()), input.videoAssetId(), input.posterAssetId(),
				ContentItem.listOrEmpty(input.assetIds()), clean(input.tags()), clean(input.topics()),
				input.placeName(), point(input.location()), ContentItem.listOrEmpty(input.credits()),
				input.visibility() != null ? input.visibility() : Visibility.COUNTY,
				input.language() != null ? input.language() : "zh-CN", 1, now, now, by, by, input.author(), Map.of(),
				List.of(), null, null, null, List.of());
		validate(caller, item);
		return save(item);
	}

	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public ContentItem update(Caller caller, String id, ContentInput input, int expectedVersion) {
		synchronized (lock(id)) {
			ContentItem current = get(id);
			if (!caller.mayChange(current.owner())) {
				throw HubException.forbidden("This item belongs to " + current.owner() + "; only its own staff or an "
						+ "alliance editor may change it.");
			}
			if (current.version() != expectedVersion) {
				throw new HubException(ErrorKind.CONFLICT, "Someone changed this item after you opened it (it is now at "
						+ "version " + current.version() + ", you edited version " + expectedVersion
						+ "). Reload it and make your changes again.");
			}
			if (input.kind() != null && input.kind() != current.kind()) {
				throw HubException.badRequest("An item's kind cannot change; create a new " + input.kind() + " instead.");
			}
			ContentItem changed = new ContentItem(current.id(), current.kind(), current.owner(), current.status(),
					or(input.title(), current.title()), or(input.summary(), current.summary()),
					input.body() != null ? ArticleHtml.sanitize(input.body()) : current.body(),
					or(input.coverAssetId(), current.coverAssetId()),
					input.inlineAssetIds() != null ? ContentItem.listOrEmpty(input.inlineAssetIds()) : current.inlineAssetIds(),
					or(input.videoAssetId(), current.videoAssetId()), or(input.posterAssetId(), current.posterAssetId()),
					input.assetIds() != null ? ContentItem.listOrEmpty(input.assetIds()) : current.assetIds(),
					input.tags() != null ? clean(input.tags()) : current.tags(),
					input.topics() != null ? clean(input.topics()) : current.topics(),
					or(input.placeName(), current.placeName()),
					input.location() != null ? point(input.location()) : current.location(),
					input.credits() != null ? ContentItem.listOrEmpty(input.credits()) : current.credits(),
					or(input.visibility(), current.visibility()), or(input.language(), current.language()),
					current.version() + 1, current.createdAt(), Instant.now(), current.createdBy(),
					caller.org() + ":" + caller.role(), or(input.author(), current.author()), current.overrides(),
					current.channels(), current.publishAt(), current.expireAt(), current.publishedAt(),
					current.history());
			validate(caller, changed);
			return save(changed);
		}
	}

	/** Deletes an item, its index entry, and the files it used that no other item uses. */
	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public List<String> delete(Caller caller, String id) {
		synchronized (lock(id)) {
			ContentItem item = get(id);
			if (!caller.mayChange(item.owner())) {
				throw HubException.forbidden("This item belongs to " + item.owner() + "; only its own staff or an "
						+ "alliance editor may delete it.");
			}
			this.index.deleteContent(id);
			if (Ids.packOf(id).isPresent()) {
				this.records.writeText(Records.tombstone(id), "deleted " + Instant.now());
			}
			this.storage.delete(Records.contentRecord(id));
			List<String> removed = new ArrayList<>();
			for (String assetId : item.allAssetIds()) {
				List<String> users = new ArrayList<>(this.index.contentUsingAsset(assetId));
				users.remove(id);
				if (users.isEmpty()) {
					this.assets.find(assetId).ifPresent(asset -> {
						this.assets.delete(asset);
						removed.add(asset.id());
					});
				}
			}
			return removed;
		}
	}

	/**
	 * Applies a change to an item under its lock and stores the result; the change may refuse by throwing.
	 * Review and publishing move items through here.
	 */
	public ContentItem change(String id, java.util.function.UnaryOperator<ContentItem> change) {
		synchronized (lock(id)) {
			return save(change.apply(get(id)));
		}
	}

	/** Where an item's record is kept in storage. */
	public static String recordKey(String contentId) {
		return Records.contentRecord(contentId);
	}

	/** An asset an item refers to. */
	public Optional<Asset> assetOf(String assetId) {
		return this.assets.find(assetId);
	}

	/** An item whatever the caller, for features that apply their own rules (the feed). */
	public Optional<ContentItem> load(String id) {
		return find(id);
	}

	/** Whether a caller may see an item: own member's, ALLIANCE-shared, or any for editors. */
	public static boolean visibleTo(Caller caller, ContentItem item) {
		return mayRead(caller, item);
	}

	/** An item the caller may see. */
	public ContentItem read(Caller caller, String id) {
		ContentItem item = get(id);
		if (!mayRead(caller, item)) {
			throw HubException.forbidden("This item is shared with its own county only.");
		}
		return item;
	}

	/** Items from the index, as the caller may see them, loaded from their records. */
	public List<ContentItem> list(Caller caller, ContentFilter filter, int first) {
		String reader = caller.actsForAlliance() ? null : caller.org();
		ContentFilter scoped = new ContentFilter(filter.text(), filter.owner(), filter.status(), filter.kind(), reader);
		return this.index.findContent(scoped, Math.min(Math.max(first, 1), 100))
			.stream()
			.map(this::find)
			.flatMap(Optional::stream)
			.filter(item -> mayRead(caller, item))
			.toList();
	}

	/** An item's own record; for an imported item without one (never changed), its packed record unless deleted. */
	Optional<ContentItem> find(String id) {
		if (!Ids.valid(id)) {
			return Optional.empty();
		}
		Optional<ContentItem> own = this.records.read(Records.contentRecord(id), ContentItem.class);
		if (own.isPresent() || Ids.packOf(id).isEmpty() || this.storage.exists(Records.tombstone(id))) {
			return own;
		}
		return this.packs.find(id);
	}

	IndexedDocument document(ContentItem item) {
		Map<String, Object> fields = this.json.convertValue(item, new TypeReference<>() {
		});
		fields.put("usedAssetIds", List.copyOf(item.allAssetIds()));
		List<Asset> used = item.allAssetIds().stream().map(this.assets::find).flatMap(Optional::stream).toList();
		fields.put("assetText", used.stream()
			.flatMap(asset -> java.util.stream.Stream.concat(
					java.util.stream.Stream.of(asset.caption(), asset.title(), asset.creator()),
					asset.keywords() == null ? java.util.stream.Stream.empty() : asset.keywords().stream()))
			.filter(Objects::nonNull)
			.toList());
		Map<String, Asset> byId = new java.util.HashMap<>();
		used.forEach(asset -> byId.put(asset.id(), asset));
		Optional<Asset> picture = Optional.ofNullable(item.coverSourceId()).map(byId::get);
		Optional<Asset> clip = Optional.ofNullable(item.videoAssetId()).map(byId::get);
		Optional<Asset> shape = clip.isPresent() ? clip : picture;
		GeoPoint place = item.location() != null ? item.location()
				: picture.map(Asset::location).or(() -> clip.map(Asset::location)).orElse(null);
		if (place != null) {
			fields.put("geo", Map.of("lat", place.latitude(), "lon", place.longitude()));
		}
		shape.ifPresent(asset -> {
			fields.put("coverWidth", asset.displayWidth());
			fields.put("coverHeight", asset.displayHeight());
			fields.put("orientation", orientation(asset));
			fields.put("capturedAt", asset.takenAt());
		});
		clip.ifPresent(asset -> fields.put("durationSeconds", asset.durationSeconds()));
		for (ContentDocumentContributor contributor : this.contributors.obtain()) {
			contributor.contribute(item, byId, fields);
		}
		return new IndexedDocument(item.id(), fields);
	}

	private static String orientation(Asset asset) {
		if (asset.displayWidth() == null || asset.displayHeight() == null) {
			return null;
		}
		int compare = Integer.compare(asset.displayWidth(), asset.displayHeight());
		return compare > 0 ? "LANDSCAPE" : compare < 0 ? "PORTRAIT" : "SQUARE";
	}

	private static boolean mayRead(Caller caller, ContentItem item) {
		if (caller.sees(item.owner())) {
			return true;
		}
		boolean shared = item.visibility() == Visibility.ALLIANCE;
		return caller.role() == Role.CHANNEL ? shared && item.status() == ContentStatus.PUBLISHED : shared;
	}

	private ContentItem get(String id) {
		return find(id).orElseThrow(() -> HubException.notFound("There is no item " + id + "."));
	}

	private ContentItem save(ContentItem item) {
		this.records.write(Records.contentRecord(item.id()), item);
		this.index.putContent(document(item));
		return item;
	}

	void validate(Caller caller, ContentItem item) {
		if (item.title() == null || item.title().isBlank()) {
			throw HubException.badRequest("The item needs a title.");
		}
		if (item.title().length() > MAX_TITLE) {
			throw HubException.badRequest("The title has " + item.title().length() + " characters; keep it under "
					+ MAX_TITLE + " (channels may ask for shorter ones).");
		}
		if (item.tags().size() > MAX_TAGS) {
			throw HubException.badRequest("An item takes up to " + MAX_TAGS + " tags.");
		}
		switch (item.kind()) {
			case ARTICLE -> {
				if (item.body() == null || item.body().isBlank()) {
					throw HubException.badRequest("An article needs a body.");
				}
			}
			case VIDEO -> {
				if (item.videoAssetId() == null) {
					throw HubException.badRequest("A video item needs videoAssetId, the uploaded clip.");
				}
				requireKind(item.videoAssetId(), MediaKind.VIDEO, "videoAssetId");
			}
			case PROMO -> {
				if (item.assetIds().isEmpty()) {
					throw HubException.badRequest("A promotion needs at least one asset in assetIds.");
				}
			}
		}
		if (item.coverAssetId() != null) {
			requireKind(item.coverAssetId(), MediaKind.IMAGE, "coverAssetId");
		}
		if (item.posterAssetId() != null) {
			requireKind(item.posterAssetId(), MediaKind.IMAGE, "posterAssetId");
		}
		for (String assetId : item.allAssetIds()) {
			Asset asset = this.assets.find(assetId)
				.orElseThrow(() -> HubException.badRequest("There is no asset " + assetId + "; upload it first."));
			if (!asset.owner().equals(item.owner()) && !caller.actsForAlliance()) {
				throw HubException.forbidden("Asset " + assetId + " belongs to " + asset.owner()
						+ "; use your own member's uploads.");
			}
		}
	}

	private void requireKind(String assetId, MediaKind kind, String field) {
		this.assets.find(assetId).filter(asset -> asset.kind() != kind).ifPresent(asset -> {
			throw HubException.badRequest(field + " must name " + (kind == MediaKind.IMAGE ? "a picture" : "a video")
					+ "; asset " + assetId + " is " + asset.kind().name().toLowerCase() + ".");
		});
	}

	private static GeoPoint point(ContentInput.GeoInput location) {
		if (location == null) {
			return null;
		}
		if (Math.abs(location.latitude()) > 90 || Math.abs(location.longitude()) > 180) {
			throw HubException.badRequest("A location needs a latitude from -90 to 90 and a longitude from -180 to 180.");
		}
		return new GeoPoint(location.latitude(), location.longitude(), null);
	}

	static List<String> clean(List<String> values) {
		if (values == null) {
			return List.of();
		}
		Set<String> cleaned = new LinkedHashSet<>();
		values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).forEach(cleaned::add);
		return List.copyOf(cleaned);
	}

	private static <T> T or(T value, T fallback) {
		return value != null ? value : fallback;
	}

	private Object lock(String id) {
		return this.locks[Math.floorMod(id.hashCode(), this.locks.length)];
	}
}
