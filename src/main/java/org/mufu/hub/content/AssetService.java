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
		for (int attempt = 1;; attempt++) {
			Records.Versioned<Asset> stored = (Ids.valid(id) ? this.records.readVersioned(Records.assetRecord(id),
					Asset.class) : Optional.<Records.Versioned<Asset>>empty())
				.orElseThrow(() -> HubException.notFound("asset.not-found", id));
			Asset asset = stored.value();
			if (!AccessPolicy.mayChange(caller, asset.owner())) {
				throw HubException.forbidden("asset.belongs-to", id, asset.owner());
			}
			if (asset.kind() != MediaKind.IMAGE) {
				throw HubException.badRequest("asset.focal-point-of-picture-only", id,
						Messages.of("media.kind." + asset.kind().name()));
			}
			Asset moved = asset.withFocalPoint(x, y);
			if (this.records.replace(Records.assetRecord(id), moved, stored.etag())) {
				return committed(moved, Change.of(ChangeType.ASSET_FOCAL_POINT_MOVED, id, 0, by(caller)));
			}
			if (attempt == 5) {
				throw new HubException(ErrorKind.CONFLICT, "asset.picture-busy");
			}
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

	/** Removes an asset's file, record and duplicate marker; the index follows. */
	void delete(Asset asset, String by) {
		String marker = Records.dedupe(asset.owner(), asset.sha256());
		if (this.records.readText(marker).filter(asset.id()::equals).isPresent()) {
			this.storage.delete(marker);
		}
		this.storage.delete(Records.assetRecord(asset.id()));
		this.storage.delete(Records.original(asset.id()));
		this.storage.list(renditionsFolder(asset.id())).forEach(this.storage::delete);
		this.log.append(Change.of(ChangeType.ASSET_DELETED, asset.id(), 0, by));
	}

	/* Acknowledged once stored and logged; waits a bounded time for the index, as item changes do. */
	Asset committed(Asset asset, Change change) {
		long seq = this.log.append(change);
		if (!this.indexer.awaitApplied(seq, this.searchableWait)) {
			logger.warn("Asset " + asset.id() + " is stored; it becomes searchable when the index catches up");
		}
		return asset;
	}

	private static String by(Caller caller) {
		return caller.by();
	}
}
