package org.mufu.hub.content;

import java.time.Duration;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;
import org.mufu.hub.Messages;
import org.mufu.hub.changelog.Change;
import org.mufu.hub.changelog.ChangeLog;
import org.mufu.hub.changelog.ChangeType;
import org.mufu.hub.index.LogIndexer;
import org.mufu.hub.metadata.MediaKind;
import org.mufu.hub.security.AccessPolicy;
import org.mufu.hub.security.Caller;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The assets once they are in: found by id, their focal point moved, their original read (for renditions, in the
 * hub's bounded number of decodes), deleted with the item that was their last user. Taking files in is
 * {@link Uploads}'.
 */
@Service
public class AssetService {

	private static final Log logger = LogFactory.getLog(AssetService.class);

	private final ObjectStorage storage;

	private final Records records;

	private final ChangeLog log;

	private final LogIndexer indexer;

	private final Duration searchableWait;

	private final Decodes decodes;

	/** Tries of one change to an asset that others are changing at the same moment. */
	private static final int REVISE_ATTEMPTS = 20;

	AssetService(ObjectStorage storage, Records records, ChangeLog log, LogIndexer indexer, Decodes decodes,
			@Value("${hub.index.searchable-wait:5s}") Duration searchableWait) {
		this.decodes = decodes;
		this.log = log;
		this.indexer = indexer;
		this.searchableWait = searchableWait;
		this.storage = storage;
		this.records = records;
	}

	/** Sets the point crops keep in frame; the owner's staff or an editor may. */
	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public Asset setFocalPoint(Caller caller, String id, double x, double y) {
		if (x < 0 || x > 1 || y < 0 || y > 1) {
			throw HubException.badRequest("asset.focal-point-out-of-range");
		}
		Revised moved = revise(id, asset -> {
			if (!AccessPolicy.mayChange(caller, asset.owner())) {
				throw HubException.forbidden("asset.belongs-to", id, asset.owner());
			}
			if (asset.kind() != MediaKind.IMAGE) {
				throw HubException.badRequest("asset.focal-point-of-picture-only", id,
						Messages.of("media.kind." + asset.kind().name()));
			}
			return asset.withFocalPoint(x, y);
		}, ChangeType.ASSET_FOCAL_POINT_MOVED, caller.by());
		awaitSearchable(moved.asset(), moved.seq());
		return moved.asset();
	}

	/** An asset as a change left it, and that change's place in the log. */
	record Revised(Asset asset, long seq) {
	}

	/*
	 * A change to an asset is a compare-and-swap on its revision: it claims the next one,
	 * assets/{xx}/{id}/revisions/{n}.json, with put-if-absent, so of all hubs changing one revision exactly one
	 * wins; a loser applies its change again to the revision that won and claims the one after. (The embedded S3
	 * server checks If-Match without holding the object, so two writers could both pass it; If-None-Match it
	 * does atomically, as S3 and MinIO do both.) The winner logs the change, then brings the record up to its
	 * revision. {@code change} sees the asset as it stands and may refuse by throwing.
	 */
	Revised revise(String id, java.util.function.UnaryOperator<Asset> change, ChangeType type, String by) {
		Asset current = find(id).orElseThrow(() -> HubException.notFound("asset.not-found", id));
		for (int attempt = 1; attempt <= REVISE_ATTEMPTS; attempt++) {
			Asset changed = change.apply(current).toBuilder().revision(current.revision() + 1).build();
			String claim = Records.assetRevision(id, changed.revision());
			if (this.records.create(claim, changed)) {
				Optional<Records.Versioned<Asset>> record = this.records.readVersioned(Records.assetRecord(id),
						Asset.class);
				if (record.isEmpty()) {
					// deleted while this change was being made: it is not made
					this.storage.delete(claim);
					throw HubException.notFound("asset.not-found", id);
				}
				long seq = this.log.append(Change.of(type, id, changed.revision(), by));
				bringUp(changed, record);
				return new Revised(changed, seq);
			}
			// the revision that won (a deletion's is an asset without an id), or the record if it is gone already
			current = this.records.read(Records.assetRevision(id, changed.revision()), Asset.class)
				.or(() -> find(id))
				.filter(won -> won.id() != null)
				.orElseThrow(() -> HubException.notFound("asset.not-found", id));
		}
		throw new HubException(ErrorKind.CONFLICT, "asset.busy", id);
	}

	/**
	 * The asset as it stands once the change the log holds at {@code revision} is stored: its record, or, where
	 * the record is behind (the hub that made the revision is writing it, or stopped first), that revision and any
	 * after it, with the record brought up. What the indexer reads for an entry about the asset.
	 */
	Optional<Asset> settled(String id, int revision) {
		Optional<Records.Versioned<Asset>> recorded = Ids.valid(id)
				? this.records.readVersioned(Records.assetRecord(id), Asset.class) : Optional.empty();
		if (recorded.isEmpty() || recorded.get().value().revision() >= revision) {
			return recorded.map(Records.Versioned::value);
		}
		Asset latest = recorded.get().value();
		for (int n = latest.revision() + 1;; n++) {
			Optional<Asset> claimed = this.records.read(Records.assetRevision(id, n), Asset.class);
			if (claimed.isEmpty()) {
				break;
			}
			if (claimed.get().id() == null) {
				// deleted meanwhile: the deletion's own entry follows
				return find(id);
			}
			latest = claimed.get();
		}
		bringUp(latest, recorded);
		return Optional.of(latest);
	}

	/* Writes the record unless it is gone (deleted) or already at this revision or later. */
	private void bringUp(Asset asset, Optional<Records.Versioned<Asset>> read) {
		String key = Records.assetRecord(asset.id());
		Optional<Records.Versioned<Asset>> stored = read;
		for (int attempt = 0; attempt < REVISE_ATTEMPTS; attempt++) {
			if (attempt > 0) {
				stored = this.records.readVersioned(key, Asset.class);
			}
			if (stored.isEmpty() || stored.get().value().revision() >= asset.revision()) {
				return;
			}
			this.records.replace(key, asset, stored.get().etag());
		}
	}

	/** The stored original's bytes, for pictures (bounded by the picture size limit). */
	public byte[] originalBytes(Asset asset) {
		return this.storage.getBytes(Records.original(asset.id()));
	}

	/**
	 * Works on a picture's original in memory, as one of the decodes the hub runs at once
	 * ({@code hub.upload.concurrent-decodes}): renditions are made this way.
	 */
	public <T> T decodingOriginal(Asset asset, java.util.function.Function<byte[], T> work) {
		return this.decodes.run(() -> work.apply(originalBytes(asset)));
	}

	/** Where an asset's derived files live in storage. */
	public static String renditionsFolder(String assetId) {
		return Records.assetFolder(assetId) + "renditions/";
	}

	/** The storage key of an asset's original bytes. */
	public static String originalKey(String assetId) {
		return Records.original(assetId);
	}

	public Optional<Asset> find(String id) {
		return Ids.valid(id) ? this.records.read(Records.assetRecord(id), Asset.class) : Optional.empty();
	}

	/**
	 * Removes an asset's file, record and duplicate marker; the index follows. The deletion first claims the
	 * asset's next revision as a tombstone, so an edit racing it loses its claim and answers NOT_FOUND rather than
	 * being logged after the deletion; nothing of the asset is left once it is done.
	 */
	void delete(Asset asset, String by) {
		String tombstone = claimTombstone(asset);
		String marker = Records.dedupe(asset.owner(), asset.sha256());
		if (this.records.readText(marker).filter(asset.id()::equals).isPresent()) {
			this.storage.delete(marker);
		}
		this.storage.delete(Records.assetRecord(asset.id()));
		this.storage.delete(Records.original(asset.id()));
		this.storage.list(renditionsFolder(asset.id())).forEach(this.storage::delete);
		// what the asset said of itself goes with it; the tombstone last, once the deletion is logged
		this.storage.deleteAll(this.storage.list(Records.assetFolder(asset.id()) + "revisions/")
			.stream()
			.filter(key -> !key.equals(tombstone))
			.toList());
		this.log.append(Change.of(ChangeType.ASSET_DELETED, asset.id(), 0, by));
		if (tombstone != null) {
			this.storage.delete(tombstone);
		}
	}

	/* The key of the tombstone revision (null when edits kept winning, which leaves the deletion as it was). */
	private String claimTombstone(Asset asset) {
		Asset tombstone = Asset.builder().build();
		for (int n = asset.revision() + 1; n <= asset.revision() + REVISE_ATTEMPTS; n++) {
			String key = Records.assetRevision(asset.id(), n);
			Optional<Asset> claimed = this.records.create(key, tombstone) ? Optional.of(tombstone)
					: this.records.read(key, Asset.class);
			if (claimed.isEmpty() || claimed.get().id() == null) {
				return key;
			}
		}
		return null;
	}

	/* Acknowledged once stored and logged; waits a bounded time for the index, as item changes do. */
	Asset committed(Asset asset, Change change) {
		awaitSearchable(asset, this.log.append(change));
		return asset;
	}

	void awaitSearchable(Asset asset, long seq) {
		if (!this.indexer.awaitApplied(seq, this.searchableWait)) {
			logger.warn("Asset " + asset.id() + " is stored; it becomes searchable when the index catches up");
		}
	}

	private static String by(Caller caller) {
		return caller.by();
	}
}
