package org.mufu.hub.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.Errors;
import org.mufu.hub.HubException;
import org.mufu.hub.KeyedException;
import org.mufu.hub.changelog.Change;
import org.mufu.hub.changelog.ChangeLog;
import org.mufu.hub.changelog.ChangeType;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.index.IndexUnavailableException;
import org.mufu.hub.metadata.MediaInspector;
import org.mufu.hub.metadata.MediaKind;
import org.mufu.hub.metadata.MediaMetadata;
import org.mufu.hub.metadata.MediaSniffer;
import org.mufu.hub.metadata.PerceptualHash;
import org.mufu.hub.metadata.RandomAccessSource;
import org.mufu.hub.metadata.SniffedType;
import org.mufu.hub.security.Caller;
import org.mufu.hub.storage.ObjectStorage;
import org.mufu.hub.storage.Stored;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Takes files in, by either path (streamed through the hub, or put by the client to a presigned URL and then
 * completed), and turns them into assets: type sniffed from the bytes, SHA-256 computed
 * by the hub, metadata read, record written beside the file, then indexed. A refused or failed upload
 * leaves nothing behind.
 */
@Service
public class Uploads {

	private static final Log logger = LogFactory.getLog(Uploads.class);

	private final ObjectStorage storage;

	private final Records records;

	private final ChangeLog log;

	private final Decodes decodes;

	private final AssetService assets;


	private static final Duration CLAIM_WAIT = Duration.ofSeconds(10);


	/** A claim on bytes whose upload has not written its asset in this long is one left by a hub that stopped. */
	private static final Duration CLAIM_STALE = Duration.ofMinutes(15);


	/** How long a completion waits for another request completing the same upload before answering CONFLICT. */
	private static final Duration COMPLETION_WAIT = Duration.ofSeconds(30);


	private static final String MARKER_PREFIX = "marker:";


	private final ContentIndex index;


	private final UploadProperties limits;


	private final ObjectMapper json;

	Uploads(ObjectStorage storage, Records records, ContentIndex index, UploadProperties limits, ObjectMapper json,
			ChangeLog log, Decodes decodes, AssetService assets) {
		this.storage = storage;
		this.records = records;
		this.index = index;
		this.limits = limits;
		this.json = json;
		this.log = log;
		this.decodes = decodes;
		this.assets = assets;
	}

	/** Streams a file through the hub into storage. */
	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public UploadResult upload(Caller caller, String filename, InputStream in) {
		String name = Filenames.clean(filename);
		String id = Ids.next();
		byte[] head = readHead(in);
		SniffedType type = sniff(head, name);
		InspectingInputStream stream = new InspectingInputStream(
				new SequenceInputStream(new ByteArrayInputStream(head), in), this.limits.maxBytes(type.kind()));
		String key = Records.original(id);
		try {
			this.storage.put(key, stream, -1, type.contentType());
		}
		catch (RuntimeException | Error ex) {
			deleteQuietly(key);
			if (stream.exceeded()) {
				throw tooLarge(type.kind());
			}
			throw ex;
		}
		return finish(caller, id, name, type, stream.count(), stream.sha256(), head, stream.tail());
	}

	/** Hands out a presigned URL for putting a file straight into storage. */
	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public UploadTicket requestUpload(Caller caller, String filename, String contentType, long byteSize) {
		String name = Filenames.clean(filename);
		if (byteSize <= 0) {
			throw HubException.badRequest("upload.byte-size-not-positive");
		}
		if (byteSize > this.limits.largestAccepted()) {
			throw new HubException(ErrorKind.TOO_LARGE, "upload.file-too-large", Sizes.human(byteSize),
					Sizes.human(this.limits.largestAccepted()));
		}
		String id = Ids.next();
		Instant expiresAt = Instant.now().plus(this.limits.urlExpiry());
		this.records.write(Records.pendingUpload(id), new PendingUpload(id, caller.org(), name, contentType, byteSize,
				expiresAt, caller.by(), null));
		// the length is signed, and the type when one is declared: storage refuses a PUT with others
		String url = this.storage.presignedPut(Records.incoming(id), this.limits.urlExpiry(),
				contentType == null || contentType.isBlank() ? null : contentType, byteSize);
		List<UploadTicket.Header> headers = contentType == null || contentType.isBlank() ? List.of()
				: List.of(new UploadTicket.Header("Content-Type", contentType));
		return new UploadTicket(id, url, "PUT", headers, expiresAt);
	}

	/**
	 * Turns bytes a client put through a presigned URL into an asset, reading them back to check them. Any number
	 * of calls with one upload id, on any hubs, make one asset: the first claims the upload (a conditional write
	 * of its record), the others wait for its outcome, and every one, retries included, answers that outcome.
	 */
	@PreAuthorize("hasAnyRole('UPLOADER','EDITOR','ADMIN')")
	public UploadResult completeUpload(Caller caller, String uploadId) {
		if (!Ids.valid(uploadId)) {
			throw HubException.notFound("upload.not-found", uploadId);
		}
		String claimant = Ids.next();
		long deadline = System.nanoTime() + COMPLETION_WAIT.toNanos();
		for (;;) {
			Optional<Records.Versioned<PendingUpload>> stored = this.records
				.readVersioned(Records.pendingUpload(uploadId), PendingUpload.class);
			if (stored.isEmpty()) {
				// swept once its URL expired: an asset it made is still found
				return this.assets.find(uploadId).filter(asset -> asset.owner().equals(caller.org()))
					.map(UploadResult::added)
					.orElseThrow(() -> HubException.notFound("upload.not-waiting", uploadId));
			}
			PendingUpload pending = stored.get().value();
			if (!pending.owner().equals(caller.org())) {
				throw HubException.forbidden("upload.of-another-member", uploadId);
			}
			PendingUpload.Completion completion = pending.completion();
			if (completion != null && completion.ended()) {
				return outcome(uploadId, completion);
			}
			boolean free = completion == null || completion.since().isBefore(Instant.now().minus(CLAIM_STALE));
			if (free) {
				Optional<UploadResult> completed = claimAndComplete(caller, uploadId, stored.get(), claimant);
				if (completed.isPresent()) {
					return completed.get();
				}
				continue;
			}
			if (System.nanoTime() > deadline) {
				throw new HubException(ErrorKind.CONFLICT, "upload.being-completed", uploadId);
			}
			pause();
		}
	}

	/* Completes the upload when this call wins the claim on it; empty when another call claimed it first. */
	private Optional<UploadResult> claimAndComplete(Caller caller, String uploadId,
			Records.Versioned<PendingUpload> stored, String claimant) {
		if (!this.storage.exists(Records.incoming(uploadId))) {
			// not an outcome: the client may yet put the file and complete again
			throw nothingArrived(uploadId);
		}
		PendingUpload.Completion mine = PendingUpload.Completion.started(claimant);
		if (this.records.replace(Records.pendingUpload(uploadId), stored.value().withCompletion(mine), stored.etag())
				&& stillMine(uploadId, claimant)) {
			return Optional.of(completeClaimed(caller, stored.value(), mine));
		}
		return Optional.empty();
	}

	/*
	 * Read back: a server that checks the condition and writes in two steps (S3Proxy's filesystem store) can let two
	 * racing claims through; the later write stands, and the earlier claimant sees it and waits instead. The
	 * original is safe either way (see finish), this keeps the work to one claimant.
	 */
	private boolean stillMine(String uploadId, String claimant) {
		return this.records.read(Records.pendingUpload(uploadId), PendingUpload.class)
			.map(PendingUpload::completion)
			.filter(completion -> claimant.equals(completion.by()))
			.isPresent();
	}

	private static HubException nothingArrived(String uploadId) {
		return HubException.badRequest("upload.nothing-arrived", uploadId);
	}

	private UploadResult outcome(String uploadId, PendingUpload.Completion completion) {
		if (completion.refusedAs() != null) {
			throw new HubException(completion.refusedAs(), completion.refusal(), completion.refusalArgs());
		}
		Asset asset = this.assets.find(completion.assetId())
			.orElseThrow(() -> HubException.notFound("upload.asset-deleted", uploadId));
		return new UploadResult(asset, completion.duplicate());
	}

	/*
	 * Only the claimant gets here. A refusal is kept as the outcome and the bytes are removed; a technical failure
	 * (storage not answering, an Error) gives the claim up and keeps the bytes, so the upload can be completed again.
	 */
	private UploadResult completeClaimed(Caller caller, PendingUpload pending, PendingUpload.Completion claim) {
		String uploadId = pending.uploadId();
		String key = Records.pendingUpload(uploadId);
		try {
			UploadResult result = checkAndFinish(caller, pending);
			this.records.write(key, pending.withCompletion(claim.completed(result)));
			deleteQuietly(Records.incoming(uploadId));
			return result;
		}
		catch (KeyedException ex) {
			ErrorKind kind = Errors.kindOf(ex);
			if (kind.status().is4xxClientError() && kind != ErrorKind.CONFLICT) {
				this.records.write(key, pending.withCompletion(claim.refused(kind, ex.key(), ex.args())));
				deleteQuietly(Records.incoming(uploadId));
			}
			else {
				giveUpClaim(key, pending);
			}
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			giveUpClaim(key, pending);
			throw ex;
		}
	}

	private void giveUpClaim(String key, PendingUpload pending) {
		try {
			this.records.write(key, pending.withCompletion(null));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not give up the claim on upload " + pending.uploadId() + "; it lapses by itself", ex);
		}
	}

	private UploadResult checkAndFinish(Caller caller, PendingUpload pending) {
		String uploadId = pending.uploadId();
		Optional<Asset> made = this.assets.find(uploadId);
		if (made.isPresent()) {
			// made by a claimant that stopped before it recorded the outcome
			logger.info("Upload " + uploadId + " had been completed already; answering its asset");
			return UploadResult.added(made.get());
		}
		String incoming = Records.incoming(uploadId);
		long size = this.storage.size(incoming).orElseThrow(() -> nothingArrived(uploadId));
		if (size != pending.byteSize()) {
			throw HubException.badRequest("upload.size-differs", uploadId, size, pending.byteSize());
		}
		byte[] head = this.storage.read(incoming, 0, MediaSniffer.HEAD_BYTES);
		SniffedType type = sniff(head, pending.filename());
		if (size > this.limits.maxBytes(type.kind())) {
			throw tooLarge(type.kind());
		}
		InspectingInputStream stream;
		try (InputStream in = this.storage.get(incoming)) {
			stream = new InspectingInputStream(in, Long.MAX_VALUE);
			stream.transferTo(java.io.OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String original = Records.original(uploadId);
		try {
			// stored as the type the bytes show, whatever type the client put them with
			this.storage.copy(incoming, original, type.contentType());
		}
		catch (RuntimeException | Error ex) {
			if (!recorded(uploadId)) {
				deleteQuietly(original);
			}
			throw ex;
		}
		return finish(caller, uploadId, pending.filename(), type, size, stream.sha256(), head, stream.tail());
	}

	private UploadResult finish(Caller caller, String id, String filename, SniffedType type, long size, String sha256,
			byte[] head, byte[] tail) {
		String original = Records.original(id);
		List<String> written = new ArrayList<>(List.of(original));
		try {
			if (!MediaSniffer.looksComplete(type, size, tail)
					|| (type.contentType().equals("image/webp") && !MediaSniffer.riffComplete(head, size))) {
				throw new HubException(ErrorKind.UNSUPPORTED_MEDIA, "upload.file-cut-off", filename);
			}
			Optional<Asset> existing = claimBytes(caller.org(), sha256, id);
			if (existing.isPresent() && existing.get().id().equals(id)) {
				// this very upload, finished by another call: its original is the asset's, and stays
				logger.info("Upload " + id + " was completed by another call meanwhile; answering its asset");
				return UploadResult.added(existing.get());
			}
			if (existing.isPresent()) {
				this.storage.delete(original);
				loggedAgainIfLost(existing.get());
				return UploadResult.alreadyThere(existing.get());
			}
			written.add(MARKER_PREFIX + Records.dedupe(caller.org(), sha256));
			Asset asset = this.decodes.run(() -> {
				// a picture is read once, for its metadata and its perceptual hash
				byte[] picture = type.kind() == MediaKind.IMAGE ? this.storage.getBytes(original) : null;
				MediaMetadata metadata = inspect(type, original, size, picture);
				return Asset.of(id, caller.org(), filename, type.contentType(), size, sha256, type.kind(), metadata,
						caller.by(), picture != null ? PerceptualHash.of(picture) : null);
			});
			written.add(Records.assetRecord(id));
			this.records.write(Records.assetRecord(id), asset);
			return UploadResult.added(this.assets.committed(asset, Change.of(ChangeType.ASSET_ADDED, id, 0, by(caller))));
		}
		catch (RuntimeException | Error ex) {
			undo(id, original, written);
			throw ex;
		}
	}

	/*
	 * What a failed completion wrote goes, an OutOfMemoryError's too: the original must not outlive an upload that
	 * has no record, nor go with one that another call completing this upload has recorded.
	 */
	private void undo(String id, String original, List<String> written) {
		if (!written.contains(Records.assetRecord(id)) && recorded(id)) {
			written.remove(original);
		}
		for (String key : written) {
			if (key.startsWith(MARKER_PREFIX)) {
				// the claim on the bytes is given up only if it is still this upload's
				String marker = key.substring(MARKER_PREFIX.length());
				if (this.records.readText(marker).filter(id::equals).isPresent()) {
					deleteQuietly(marker);
				}
			}
			else {
				deleteQuietly(key);
			}
		}
	}

	private boolean recorded(String id) {
		try {
			return this.assets.find(id).isPresent();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/*
	 * The member's asset with these bytes, if another upload claimed them first (If-None-Match on the marker, so
	 * eight simultaneous uploads on any hubs make one asset); empty when this upload has claimed them. An upload
	 * that claimed them is given a few seconds to write its record; one that died meanwhile loses its claim.
	 */
	private Optional<Asset> claimBytes(String owner, String sha256, String id) {
		String marker = Records.dedupe(owner, sha256);
		long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
		while (!this.records.createText(marker, id)) {
			Optional<Stored> claim = this.storage.findStored(marker);
			if (claim.isEmpty()) {
				continue;
			}
			String claimant = new String(claim.get().bytes(), java.nio.charset.StandardCharsets.UTF_8);
			Optional<Asset> first = this.assets.find(claimant);
			if (first.isPresent()) {
				return first;
			}
			if (System.nanoTime() > deadline) {
				// a claim stands while its upload may still be running: a large video is inspected for minutes
				boolean stale = Ids.createdAt(claimant).isBefore(Instant.now().minus(CLAIM_STALE));
				if (!stale) {
					throw new HubException(ErrorKind.CONFLICT, "upload.same-file-uploading");
				}
				if (this.storage.replace(marker, id.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain",
						claim.get().etag()).isPresent()) {
					return Optional.empty();
				}
				deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
			}
			pause();
		}
		return Optional.empty();
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new HubException(ErrorKind.STORAGE_UNAVAILABLE, "upload.interrupted");
		}
	}

	/*
	 * An upload is stored, then logged: a hub that stopped between the two left an asset the index never heard of,
	 * and the member's next upload of the same bytes is answered with it. That answer logs it again (an entry
	 * applied twice changes nothing), so the asset it names is searchable. When the index cannot say, it is left.
	 */
	private void loggedAgainIfLost(Asset asset) {
		try {
			if (!this.index.hasAsset(asset.id())) {
				logger.warn("Asset " + asset.id() + " was stored but never logged; logging it now");
				this.log.append(Change.of(ChangeType.ASSET_ADDED, asset.id(), 0, asset.createdBy()));
			}
		}
		catch (IndexUnavailableException ex) {
			logger.debug("The index cannot say whether asset " + asset.id() + " is in it");
		}
	}

	private MediaMetadata inspect(SniffedType type, String key, long size, byte[] picture) {
		return switch (type.kind()) {
			case IMAGE -> MediaInspector.image(picture, this.limits.maxPixels());
			case VIDEO -> MediaInspector.video(new RandomAccessSource() {
				@Override
				public long size() {
					return size;
				}

				@Override
				public byte[] read(long offset, int length) {
					return Uploads.this.storage.read(key, offset, (int) Math.min(length, size - offset));
				}
			});
			case DOCUMENT -> MediaMetadata.none();
		};
	}

	private static byte[] readHead(InputStream in) {
		try {
			byte[] head = in.readNBytes(MediaSniffer.HEAD_BYTES);
			if (head.length == 0) {
				throw HubException.badRequest("upload.file-empty");
			}
			return head;
		}
		catch (IOException ex) {
			throw HubException.badRequest("upload.interrupted-before-file");
		}
	}

	private static SniffedType sniff(byte[] head, String filename) {
		if (head.length == 0) {
			throw HubException.badRequest("upload.named-file-empty", filename);
		}
		return MediaSniffer.sniff(head)
			.orElseThrow(() -> refusedType(filename, MediaSniffer.describe(head)));
	}

	private static HubException refusedType(String filename, String description) {
		return description == null || description.isBlank() || description.equals("unknown")
				? new HubException(ErrorKind.UNSUPPORTED_MEDIA, "upload.type-unknown", filename)
				: new HubException(ErrorKind.UNSUPPORTED_MEDIA, "upload.type-refused", filename, description);
	}

	private HubException tooLarge(MediaKind kind) {
		return new HubException(ErrorKind.TOO_LARGE, "upload.too-large-for-kind." + kind.name(),
				Sizes.human(this.limits.maxBytes(kind)));
	}

	private void deleteQuietly(String key) {
		try {
			this.storage.delete(key);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not remove " + key + " after a refused upload", ex);
		}
	}

	private static String by(Caller caller) {
		return caller.by();
	}
}
