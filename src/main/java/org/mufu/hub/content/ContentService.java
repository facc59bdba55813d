package org.mufu.hub.content;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;
import org.mufu.hub.Messages;
import org.mufu.hub.PlainText;
import org.mufu.hub.index.ContentFilter;
import org.mufu.hub.changelog.Change;
import org.mufu.hub.changelog.ChangeLog;
import org.mufu.hub.changelog.ChangeType;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.index.LogIndexer;
import org.mufu.hub.index.IndexedDocument;
import org.mufu.hub.metadata.GeoPoint;
import org.mufu.hub.metadata.MediaKind;
import org.mufu.hub.security.AccessPolicy;
import org.mufu.hub.security.AuditTrail;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.OrganizationDirectory;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Creates, changes, reads and deletes items. Each change is a compare-and-swap of the record in storage, the
 * truth, followed by one entry in the change log, which the index follows.
 */
@Service
public class ContentService {

	private static final org.apache.commons.logging.Log logger = org.apache.commons.logging.LogFactory
		.getLog(ContentService.class);

	private static final int ATTEMPTS = 5;

	/** How old a claimed version must be before another hub takes it for one left by a hub that stopped. */
	private static final Duration STUCK = Duration.ofSeconds(30);

	/** How long a record may lag its logged change before the indexer takes its writer for stopped. */
	private static final Duration WRITER_GRACE = Duration.ofSeconds(2);

	private static final int MAX_TITLE = 200;

	private static final int MAX_TAGS = 30;

	private final Records records;

	private final Packs packs;

	private final ObjectStorage storage;

	private final AssetService assets;

	private final ContentIndex index;

	private final ObjectMapper json;

	private final ChangeLog log;

	private final LogIndexer indexer;

	private final Duration searchableWait;

	private final ContentDocuments documents;

	private final AuditTrail audit;

	private final OrganizationDirectory members;

	ContentService(Records records, Packs packs, ObjectStorage storage, AssetService assets, ContentIndex index,
			ObjectMapper json, ContentDocuments documents, ChangeLog log, LogIndexer indexer,
			@Value("${hub.index.searchable-wait:5s}") Duration searchableWait, OrganizationDirectory members,
			AuditTrail audit) {
		this.members = members;
		this.audit = audit;
		this.log = log;
		this.indexer = indexer;
		this.searchableWait = searchableWait;
		this.documents = documents;
		this.records = records;
		this.packs = packs;
		this.storage = storage;
		this.assets = assets;
		this.index = index;
		this.json = json;
	}

	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public ContentItem create(Caller caller, ContentInput input) {
		return create(caller, input, null);
	}

	/** A new item; a retry with the same idempotency key, on any hub, answers with the item the first one made. */
	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public ContentItem create(Caller caller, ContentInput input, String idempotencyKey) {
		if (input.kind() == null) {
			throw HubException.badRequest("content.kind-missing");
		}
		Instant now = Instant.now();
		String by = caller.by();
		ContentItem drafted = edited(ContentItem.builder()
			.kind(input.kind())
			.owner(caller.org())
			.status(ContentStatus.DRAFT)
			.visibility(Visibility.COUNTY)
			.language("zh-CN")
			.version(1)
			.createdAt(now)
			.updatedAt(now)
			.createdBy(by)
			.updatedBy(by)
			.build(), input);
		validate(caller, drafted);
		// the id is claimed once the input is known to be good: a refused create leaves no idempotency marker
		String id = claimId(caller.org(), idempotencyKey);
		ContentItem item = credited(drafted).toBuilder().id(id).build();
		if (!this.records.create(Records.version(id, 1), item)) {
			// a retry of a create that was claimed already gets the first answer, not a second item; if the first
			// stopped before its change was logged or stored, the retry finishes it
			ContentItem first = this.records.read(Records.version(id, 1), ContentItem.class).orElseThrow(() -> busy());
			if (this.index.indexedVersion(id).isPresent()) {
				return find(id).orElse(first);
			}
			return committed(Current.NONE, first, Change.of(ChangeType.CONTENT_CREATED, id, 1, first.createdBy()));
		}
		return committed(Current.NONE, item, Change.of(ChangeType.CONTENT_CREATED, id, item.version(), by));
	}

	/*
	 * The id a create with this idempotency key gets: the first request with the key claims one with
	 * If-None-Match, and every retry, on any hub, reads the same one back.
	 */
	private String claimId(String owner, String idempotencyKey) {
		String id = Ids.next();
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			return id;
		}
		if (idempotencyKey.length() > 200) {
			throw HubException.badRequest("content.idempotency-key-too-long");
		}
		String marker = Records.idempotency(owner, idempotencyKey);
		if (this.records.createText(marker, id)) {
			return id;
		}
		return this.records.readText(marker).filter(Ids::valid).orElse(id);
	}

	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public ContentItem update(Caller caller, String id, ContentInput input, int expectedVersion) {
		Current stored = current(id);
		ContentItem current = stored.item();
		if (!AccessPolicy.mayChange(caller, current.owner())) {
			throw HubException.forbidden("content.change-of-another-member", current.owner());
		}
		if (current.version() != expectedVersion) {
			throw new HubException(ErrorKind.CONFLICT, "content.version-moved-on", current.version(),
					expectedVersion);
		}
		if (input.kind() != null && input.kind() != current.kind()) {
			throw HubException.badRequest("content.kind-cannot-change", String.valueOf(input.kind()));
		}
		ContentItem edited = edited(current.working(), input);
		validate(caller, edited);
		ContentItem changed = current.edit(credited(edited), by(caller));
		if (!store(stored, changed)) {
			throw new HubException(ErrorKind.CONFLICT, "content.changed-while-saving");
		}
		if (edited.visibility() != current.working().visibility()) {
			this.audit.record("VISIBILITY_CHANGED", caller.by(), id,
					current.working().visibility() + " → " + edited.visibility());
		}
		return committed(stored, changed, Change.of(ChangeType.CONTENT_CHANGED, id, changed.version(),
				changed.updatedBy()));
	}

	/** Deletes an item, its index entry, and the files it used that no other item uses. */
	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public List<String> delete(Caller caller, String id) {
		ContentItem item = current(id).item();
		if (!AccessPolicy.mayChange(caller, item.owner())) {
			throw HubException.forbidden("content.delete-of-another-member", item.owner());
		}
		// the deletion takes the next version as a change would, so a change racing with it loses
		if (!this.records.create(Records.version(id, item.version() + 1), Map.of("deletedBy", by(caller), "updatedAt", Instant.now()))) {
			throw new HubException(ErrorKind.CONFLICT, "content.changed-while-deleting");
		}
		long seq = this.log.append(Change.of(ChangeType.CONTENT_DELETED, id, item.version() + 1, by(caller)));
		this.audit.record("DELETED", caller.by(), id, item.title());
		removeRecord(id);
		this.indexer.awaitApplied(seq, this.searchableWait);
		return deleteUnusedAssets(item, caller);
	}

	/*
	 * The item owner's files no other item uses go with it; another member's files it used stay theirs. When the
	 * index cannot say which are unused, they stay.
	 */
	private List<String> deleteUnusedAssets(ContentItem item, Caller caller) {
		List<String> removed = new ArrayList<>();
		try {
			for (String assetId : item.allAssetIds()) {
				List<String> users = new ArrayList<>(this.index.contentUsingAsset(assetId));
				users.remove(item.id());
				if (users.isEmpty()) {
					this.assets.find(assetId).filter(asset -> asset.owner().equals(item.owner())).ifPresent(asset -> {
						this.assets.delete(asset, by(caller));
						removed.add(asset.id());
					});
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Item " + item.id() + " is deleted; some of its files are kept, since the index or storage "
					+ "did not answer while they were removed (" + ex.getMessage() + ")");
		}
		return removed;
	}

	/**
	 * Applies a change to an item and stores the result if nobody changed the item meanwhile, trying again from
	 * the new state when somebody did; the change may refuse by throwing. {@code entry} says what the log
	 * records, from the item before and after. Review and publishing move items through here.
	 */
	public ContentItem change(String id, UnaryOperator<ContentItem> change,
			BiFunction<ContentItem, ContentItem, Change> entry) {
		for (int attempt = 1;; attempt++) {
			Current current = current(id);
			ContentItem changed = change.apply(current.item());
			if (store(current, changed)) {
				return committed(current, changed, entry.apply(current.item(), changed));
			}
			if (attempt == ATTEMPTS) {
				throw busy();
			}
		}
	}

	/** Whether the index holds this version of the item (or a later one), so search and lists show it. */
	public boolean searchable(ContentItem item) {
		return this.index.indexedVersion(item.id()).filter(version -> version >= item.version()).isPresent();
	}

	/** Where an item's record is kept in storage. */
	public static String recordKey(String contentId) {
		return Records.contentRecord(contentId);
	}

	/** An asset an item refers to. */
	public Optional<Asset> assetOf(String assetId) {
		return this.assets.find(assetId);
	}

	/** Whether a caller may see an item: own member's, ALLIANCE-shared, or any for editors. */
	public static boolean visibleTo(Caller caller, ContentItem item) {
		return mayRead(caller, item);
	}

	/** What the access policy is told of an item. */
	public static AccessPolicy.Holding holding(ContentItem item) {
		return new AccessPolicy.Holding(item.owner(), item.visibility() == Visibility.ALLIANCE,
				item.status() == ContentStatus.PUBLISHED);
	}

	/** The items that use an asset now, as the access policy is told of them. */
	public List<AccessPolicy.Holding> holdingsUsing(String assetId) {
		return this.index.contentUsingAsset(assetId)
			.stream()
			.map(this::find)
			.flatMap(Optional::stream)
			.map(ContentService::holding)
			.toList();
	}

	/** Whether a member may put this asset in its items (see {@link AccessPolicy#mayUse}). */
	public boolean usableBy(String member, Asset asset) {
		// the member's own files need no look-up; another's are shared only through an item of their own
		return member.equals(asset.owner()) || asset.shareable()
				|| AccessPolicy.mayUse(member, asset.owner(), holdingsUsing(asset.id()));
	}

	/** An item the caller may see. */
	public ContentItem read(Caller caller, String id) {
		ContentItem item = get(id);
		if (!mayRead(caller, item)) {
			throw HubException.forbidden("content.own-county-only");
		}
		return item;
	}

	/** Items from the index, as the caller may see them, loaded from their records. */
	public List<ContentItem> list(Caller caller, ContentFilter filter, int first) {
		String reader = AccessPolicy.readerScope(caller);
		ContentFilter scoped = new ContentFilter(filter.text(), filter.owner(), filter.status(), filter.kind(), reader);
		return this.index.findContent(scoped, Math.min(Math.max(first, 1), 100))
			.stream()
			.map(this::find)
			.flatMap(Optional::stream)
			.filter(item -> mayRead(caller, item))
			.toList();
	}

	/**
	 * An item whatever the caller, for features that apply their own rules (the feed, usage): its own record, or for
	 * an imported item without one (never changed), its packed record unless deleted. {@link #read} is the caller's.
	 */
	public Optional<ContentItem> find(String id) {
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
		return this.documents.of(item);
	}

	private static boolean mayRead(Caller caller, ContentItem item) {
		return AccessPolicy.mayRead(caller, holding(item));
	}

	private ContentItem get(String id) {
		return find(id).orElseThrow(() -> HubException.notFound("content.not-found", id));
	}

	/** An item as stored, with the ETag of its own record (null when it has none yet: new, or read from its pack). */
	private record Current(ContentItem item, String etag) {

		static final Current NONE = new Current(null, null);
	}

	private Current current(String id) {
		if (Ids.valid(id)) {
			Optional<Records.Versioned<ContentItem>> own = this.records.readVersioned(Records.contentRecord(id),
					ContentItem.class);
			if (own.isPresent()) {
				return new Current(own.get().value(), own.get().etag());
			}
			if (Ids.packOf(id).isPresent() && !this.storage.exists(Records.tombstone(id))) {
				Optional<ContentItem> packed = this.packs.find(id);
				if (packed.isPresent()) {
					return new Current(packed.get(), null);
				}
			}
		}
		throw HubException.notFound("content.not-found", id);
	}

	/*
	 * A compare-and-swap: the change claims the item's next version, versions/{xx}/{id}/{n}.json, with
	 * If-None-Match, so of all hubs changing one version exactly one wins; the winner then logs the change and
	 * writes the record (see committed). (An If-Match on the record's ETag would say the same, but the embedded S3
	 * server checks If-Match without holding the object, so two writers could both pass; If-None-Match it does
	 * atomically, as S3 and MinIO do both.) The versions, each as it was stored, are the item's history.
	 */
	private boolean store(Current current, ContentItem changed) {
		if (!this.records.create(Records.version(changed.id(), changed.version()), changed)) {
			completeStuck(current.item());
			return false;
		}
		return true;
	}

	/*
	 * The record follows the log: written after its change is logged, from the version as it was read, so a hub
	 * that stops in between leaves a change the log holds, which the indexer finishes (see settled). The write is
	 * conditional, so a late one never puts an older version over a newer one; when it fails, another hub has
	 * finished this version already.
	 */
	private void writeRecord(Current before, ContentItem item) {
		String key = Records.contentRecord(item.id());
		boolean written = before.etag() == null ? this.records.create(key, item)
				: this.records.replace(key, item, before.etag());
		if (!written) {
			logger.debug("Item " + item.id() + " version " + item.version() + " was stored by another hub first");
		}
	}

	private void removeRecord(String id) {
		if (Ids.packOf(id).isPresent()) {
			this.records.writeText(Records.tombstone(id), "deleted " + Instant.now());
		}
		this.storage.delete(Records.contentRecord(id));
	}

	/**
	 * An item as the log says it stands at {@code version} or later: its record, or, where the record is behind
	 * the log (its hub stopped between logging a change and storing it), the version that change claimed, with
	 * the record finished from it; empty when it was deleted. What the indexer reads, so storage and the index
	 * agree after any crash.
	 */
	Optional<ContentItem> settled(String id, int version) {
		if (!Ids.valid(id)) {
			return Optional.empty();
		}
		Optional<Records.Versioned<ContentItem>> own = this.records.readVersioned(Records.contentRecord(id),
				ContentItem.class);
		if (own.isPresent() && own.get().value().version() >= version) {
			return Optional.of(own.get().value());
		}
		Optional<ContentItem> claimed = version > 0 ? this.records.read(Records.version(id, version), ContentItem.class)
				: Optional.empty();
		// no claim, or a record gone after a later version (deleted since): nothing to finish
		if (claimed.isEmpty() || (own.isEmpty() && this.storage.exists(Records.version(id, version + 1)))) {
			return find(id);
		}
		boolean deletion = claimed.get().id() == null;
		Optional<Records.Versioned<ContentItem>> written = awaitWriter(id, version, deletion);
		if (written != null) {
			return written.map(Records.Versioned::value);
		}
		own = this.records.readVersioned(Records.contentRecord(id), ContentItem.class);
		if (deletion) {
			removeRecord(id);
			logger.warn("Item " + id + " was deleted by a hub that stopped before removing its record; removed now");
			return Optional.empty();
		}
		writeRecord(new Current(own.map(Records.Versioned::value).orElse(null), own.map(Records.Versioned::etag)
			.orElse(null)), claimed.get());
		logger.warn("Item " + id + " version " + version + " was logged by a hub that stopped before storing it; "
				+ "stored now");
		return find(id).filter(item -> item.version() >= version).or(() -> claimed);
	}

	/*
	 * The hub that logged the change is most likely storing it this very moment: gives it the time a write takes.
	 * The record as that hub left it, or null when it did not within that time.
	 */
	private Optional<Records.Versioned<ContentItem>> awaitWriter(String id, int version, boolean deletion) {
		long deadline = System.nanoTime() + WRITER_GRACE.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<Records.Versioned<ContentItem>> own = this.records.readVersioned(Records.contentRecord(id),
					ContentItem.class);
			if (deletion ? own.isEmpty() : own.isPresent() && own.get().value().version() >= version) {
				return own;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while item " + id + " was being read", ex);
			}
		}
		return null;
	}

	/*
	 * A hub that died between claiming a version and writing the record left the record one version behind; the
	 * next writer to lose the claim finishes it, and the log records it. A claim younger than STUCK is a change
	 * still under way, left alone; a deletion claimed and not carried out is carried out.
	 */
	private void completeStuck(ContentItem seen) {
		String key = Records.version(seen.id(), seen.version() + 1);
		Optional<ContentItem> claimed = this.records.read(key, ContentItem.class);
		if (claimed.isEmpty()) {
			return;
		}
		Instant claimedAt = claimed.get().updatedAt() != null ? claimed.get().updatedAt() : Instant.EPOCH;
		ContentItem now = find(seen.id()).orElse(null);
		if (now == null || now.version() != seen.version() || claimedAt.isAfter(Instant.now().minus(STUCK))
				|| !this.records.create(key + ".completed", "")) {
			return;
		}
		// logged first, as every change is; the log may hold it already, and applying it twice changes nothing
		if (claimed.get().id() == null) {
			this.log.append(Change.of(ChangeType.CONTENT_DELETED, seen.id(), seen.version() + 1, "hub", List.of(),
					"deletion completed after its hub stopped"));
			removeRecord(seen.id());
		}
		else {
			this.log.append(Change.of(ChangeType.CONTENT_CHANGED, seen.id(), claimed.get().version(),
					claimed.get().updatedBy(), List.of(), "completed after its hub stopped"));
			writeRecord(current(seen.id()), claimed.get());
		}
		logger.warn("Item " + seen.id() + " version " + (seen.version() + 1) + " was claimed by a hub that stopped "
				+ "before storing it; stored now");
	}

	/*
	 * A change is acknowledged once it is in storage and in the log. It waits, a bounded time, until the index holds
	 * it, so that what a mutation answers is searchable at once; when the index is down the change stands all the
	 * same, and the index catches up when it returns.
	 */
	private ContentItem committed(Current before, ContentItem item, Change change) {
		long seq = this.log.append(change);
		writeRecord(before, item);
		if (!this.indexer.awaitApplied(seq, this.searchableWait)) {
			logger.warn("Change " + seq + " (" + change.type() + " " + change.subject() + ") is stored; it becomes "
					+ "searchable when the index catches up");
		}
		return item;
	}

	private static HubException busy() {
		return new HubException(ErrorKind.CONFLICT, "content.busy");
	}

	private static String by(Caller caller) {
		return caller.by();
	}

	void validate(Caller caller, ContentItem item) {
		if (item.title() == null || item.title().isBlank()) {
			throw HubException.badRequest("content.title-missing");
		}
		if (item.title().length() > MAX_TITLE) {
			throw HubException.badRequest("content.title-too-long", item.title().length(), MAX_TITLE);
		}
		if (item.tags().size() > MAX_TAGS) {
			throw HubException.badRequest("content.too-many-tags", MAX_TAGS);
		}
		validateKind(item);
		if (item.coverAssetId() != null) {
			requireKind(item.coverAssetId(), MediaKind.IMAGE, "coverAssetId");
		}
		if (item.posterAssetId() != null) {
			requireKind(item.posterAssetId(), MediaKind.IMAGE, "posterAssetId");
		}
		for (String assetId : item.allAssetIds()) {
			Asset asset = this.assets.find(assetId)
				.orElseThrow(() -> HubException.badRequest("content.asset-not-uploaded", assetId));
			if (!usableBy(item.owner(), asset)) {
				throw HubException.forbidden("content.asset-not-shared", assetId, asset.owner(), item.owner());
			}
		}
	}

	/* What each kind cannot go without: an article its body, a video its clip, a promotion its files. */
	private void validateKind(ContentItem item) {
		switch (item.kind()) {
			case ARTICLE -> {
				if (item.body() == null || item.body().isBlank()) {
					throw HubException.badRequest("content.article-body-missing");
				}
			}
			case VIDEO -> {
				if (item.videoAssetId() == null) {
					throw HubException.badRequest("content.video-missing");
				}
				requireKind(item.videoAssetId(), MediaKind.VIDEO, "videoAssetId");
			}
			case PROMO -> {
				if (item.assetIds().isEmpty()) {
					throw HubException.badRequest("content.promo-assets-missing");
				}
			}
		}
	}

	/* Another member's files travel with their owner's name among the credits. */
	private ContentItem credited(ContentItem item) {
		List<String> credits = new ArrayList<>(item.credits());
		item.allAssetIds()
			.stream()
			.map(this.assets::find)
			.flatMap(Optional::stream)
			.map(Asset::owner)
			.filter(owner -> !owner.equals(item.owner()))
			.distinct()
			.map(owner -> this.members.find(owner).map(org -> org.name()).orElse(owner))
			.filter(name -> credits.stream().noneMatch(credit -> credit.contains(name)))
			.forEach(credits::add);
		return credits.size() == item.credits().size() ? item : item.toBuilder().credits(credits).build();
	}

	private void requireKind(String assetId, MediaKind kind, String field) {
		this.assets.find(assetId).filter(asset -> asset.kind() != kind).ifPresent(asset -> {
			throw HubException.badRequest("content.asset-of-wrong-kind", field,
					Messages.of("media.kind." + kind.name()), assetId,
					Messages.of("media.kind." + asset.kind().name()));
		});
	}

	private static GeoPoint point(ContentInput.GeoInput location) {
		if (location == null) {
			return null;
		}
		if (Math.abs(location.latitude()) > 90 || Math.abs(location.longitude()) > 180) {
			throw HubException.badRequest("content.location-out-of-range");
		}
		return new GeoPoint(location.latitude(), location.longitude(), null);
	}

	static List<String> clean(List<String> values) {
		if (values == null) {
			return List.of();
		}
		Set<String> cleaned = new LinkedHashSet<>();
		values.stream().filter(Objects::nonNull).map(PlainText::line).filter(v -> !v.isEmpty()).forEach(cleaned::add);
		return List.copyOf(cleaned);
	}

	/** The item with what the input gives, field by field; what it leaves out stays as it was. */
	private static ContentItem edited(ContentItem base, ContentInput input) {
		return base.toBuilder()
			.title(or(PlainText.line(input.title()), base.title()))
			.summary(or(PlainText.text(input.summary()), base.summary()))
			.body(input.body() != null ? ArticleHtml.sanitize(input.body()) : base.body())
			.coverAssetId(or(input.coverAssetId(), base.coverAssetId()))
			.inlineAssetIds(input.inlineAssetIds() != null ? ContentItem.listOrEmpty(input.inlineAssetIds())
					: ContentItem.listOrEmpty(base.inlineAssetIds()))
			.videoAssetId(or(input.videoAssetId(), base.videoAssetId()))
			.posterAssetId(or(input.posterAssetId(), base.posterAssetId()))
			.assetIds(input.assetIds() != null ? ContentItem.listOrEmpty(input.assetIds())
					: ContentItem.listOrEmpty(base.assetIds()))
			.tags(input.tags() != null ? clean(input.tags()) : base.tags())
			.topics(input.topics() != null ? clean(input.topics()) : base.topics())
			.placeName(or(PlainText.line(input.placeName()), base.placeName()))
			.location(input.location() != null ? point(input.location()) : base.location())
			.credits(input.credits() != null ? clean(input.credits())
					: ContentItem.listOrEmpty(base.credits()))
			.visibility(or(input.visibility(), base.visibility()))
			.language(or(input.language(), base.language()))
			.author(or(PlainText.line(input.author()), base.author()))
			.build();
	}

	private static <T> T or(T value, T fallback) {
		return value != null ? value : fallback;
	}

}
