package org.mufu.hub.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.stereotype.Component;

/**
 * The bucket's layout, the source of truth the index is rebuilt from:
 * <pre>
 * assets/{xx}/{id}/original        the uploaded bytes
 * assets/{xx}/{id}/asset.json      the asset record
 * content/{xx}/{id}.json           an item record
 * versions/{xx}/{id}/{n}.json  version n of an item, claimed once by the change that made it
 * dedupe/{owner}/{sha256}     the id of the member's asset with those bytes
 * incoming/{uploadId}         bytes put through a presigned URL, until completed
 * idempotency/{owner}/{hash}  the item a create with that idempotency key made
 * uploads/{uploadId}.json     a presigned upload waiting for completion
 * </pre>
 */
@Component
class Records {

	private final ObjectStorage storage;

	private final ObjectMapper json;

	Records(ObjectStorage storage, ObjectMapper json) {
		this.storage = storage;
		this.json = json;
	}

	/** The 256 folders records are spread over: a folder's listing stays short however large the archive. */
	static final List<String> SHARDS = java.util.stream.IntStream.range(0, 256)
		.mapToObj(i -> String.format("%02x", i))
		.toList();

	/*
	 * {xx} is the id's shard. An S3 server on a filesystem walks a folder to list it, and walks it again for
	 * every page of a thousand keys: one folder of 100,000 records took minutes to list, 256 folders take seconds.
	 */
	static String shard(String id) {
		return SHARDS.get(Math.floorMod(id.hashCode(), 256));
	}

	static String assetFolder(String assetId) {
		return "assets/" + shard(assetId) + "/" + assetId + "/";
	}

	static String original(String assetId) {
		return assetFolder(assetId) + "original";
	}

	static String assetRecord(String assetId) {
		return assetFolder(assetId) + "asset.json";
	}

	/** Revision {@code n} of an asset's record, written once by the change that made it. */
	static String assetRevision(String assetId, int revision) {
		return assetFolder(assetId) + "revisions/" + String.format("%010d", revision) + ".json";
	}

	static String contentRecord(String contentId) {
		return "content/" + shard(contentId) + "/" + contentId + ".json";
	}

	/** Version {@code n} of an item, written once by the change that made it. */
	static String version(String contentId, int version) {
		return "versions/" + shard(contentId) + "/" + contentId + "/" + String.format("%010d", version) + ".json";
	}

	/** Marks an imported item as deleted: its pack is never rewritten, so the mark overrides the packed record. */
	static String tombstone(String contentId) {
		return "content/" + shard(contentId) + "/" + contentId + ".deleted";
	}

	static final String PACKS = "packs/";

	static String pack(String packId) {
		return PACKS + packId + ".ndjson";
	}

	static String dedupe(String owner, String sha256) {
		return "dedupe/" + owner + "/" + sha256;
	}

	/** The item made by a create with this idempotency key; the key is hashed, so any text is a safe key. */
	static String idempotency(String owner, String key) {
		try {
			byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return "idempotency/" + owner + "/" + java.util.HexFormat.of().formatHex(hash);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String incoming(String uploadId) {
		return "incoming/" + uploadId;
	}

	static String pendingUpload(String uploadId) {
		return "uploads/" + uploadId + ".json";
	}

	void write(String key, Object record) {
		this.storage.putBytes(key, bytes(record), "application/json");
	}

	<T> Optional<T> read(String key, Class<T> type) {
		return this.storage.find(key).map(bytes -> parse(key, bytes, type));
	}

	/** A record with the ETag it was read at, for a compare-and-swap. */
	record Versioned<T>(T value, String etag) {
	}

	<T> Optional<Versioned<T>> readVersioned(String key, Class<T> type) {
		return this.storage.findStored(key).map(stored -> new Versioned<>(parse(key, stored.bytes(), type), stored.etag()));
	}

	/** Writes a record that must not exist yet; false when one does (another hub, or a retry, was first). */
	boolean create(String key, Object record) {
		return this.storage.putIfAbsent(key, bytes(record), "application/json").isPresent();
	}

	/** Replaces a record only if it is still as read; false when it was changed or deleted meanwhile. */
	boolean replace(String key, Object record, String etag) {
		return this.storage.replace(key, bytes(record), "application/json", etag).isPresent();
	}

	boolean createText(String key, String text) {
		return this.storage.putIfAbsent(key, text.getBytes(StandardCharsets.UTF_8), "text/plain").isPresent();
	}

	private byte[] bytes(Object record) {
		try {
			return this.json.writeValueAsBytes(record);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private <T> T parse(String key, byte[] bytes, Class<T> type) {
		try {
			return this.json.readValue(bytes, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Record " + key + " cannot be read", ex);
		}
	}

	void writeText(String key, String text) {
		this.storage.putBytes(key, text.getBytes(StandardCharsets.UTF_8), "text/plain");
	}

	Optional<String> readText(String key) {
		return this.storage.find(key).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
	}
}
