package org.mufu.hub.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.minio.BucketExistsArgs;
import io.minio.ComposeObjectArgs;
import io.minio.ComposeSource;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.Directive;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.http.Method;
import io.minio.messages.Item;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.ObjectWriteArgs;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.SetBucketCorsArgs;
import io.minio.messages.CORSConfiguration;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.ListMultipartUploadsResult;
import io.minio.messages.Upload;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;

/** The hub's files in one S3 bucket: the only place that talks to the storage server. */
@Service
public class ObjectStorage implements InitializingBean {

	private static final Log logger = LogFactory.getLog(ObjectStorage.class);

	/** Parts of unknown-length uploads; S3 allows 10,000 parts, so this carries files up to 160 GB. */
	private static final long PART_SIZE = 16 * 1024 * 1024;

	/**
	 * Ranges of server-side copies: the server sends nothing until a range is copied, and a request silent for
	 * longer than the read timeout fails (S3Proxy's filesystem store took 6 s for 1 GB in one request).
	 */
	private static final long COPY_PART_SIZE = 256 * 1024 * 1024;

	private final MinioClient client;

	private final MinioAsyncClient uploads;

	private final StorageProperties properties;

	private final MinioClient presigner;

	ObjectStorage(MinioClient client, MinioAsyncClient uploads, StorageConfiguration.PresignClient presigner,
			StorageProperties properties) {
		this.client = client;
		this.uploads = uploads;
		this.presigner = presigner.client();
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() {
		String bucket = this.properties.bucket();
		call(() -> {
			if (!this.client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
				try {
					this.client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
					logger.info("Created bucket " + bucket + " at " + this.properties.endpoint());
				}
				catch (ErrorResponseException ex) {
					// another hub starting at the same moment made it first
					if (!"BucketAlreadyOwnedByYou".equals(ex.errorResponse().code())) {
						throw ex;
					}
				}
			}
			allowBrowserUploads(bucket);
			return null;
		}, "prepare the bucket " + bucket);
	}

	/*
	 * The console's upload page PUTs files from the browser to presigned URLs, so the bucket must answer CORS
	 * preflights. A server without bucket CORS (MinIO allows every origin by default, S3Proxy is configured to)
	 * says NotImplemented, which is fine.
	 */
	private void allowBrowserUploads(String bucket) throws MinioException, IOException, GeneralSecurityException {
		CORSConfiguration.CORSRule rule = new CORSConfiguration.CORSRule(List.of("*"), List.of("PUT", "GET", "HEAD"),
				List.of("*"), List.of("ETag"), "console-uploads", 3600);
		try {
			this.client.setBucketCors(
					SetBucketCorsArgs.builder().bucket(bucket).config(new CORSConfiguration(List.of(rule))).build());
		}
		catch (ErrorResponseException ex) {
			logger.info("The storage server keeps its own CORS rules for " + bucket + ": "
					+ ex.errorResponse().code());
		}
	}

	/** Stores bytes under a key; a size of -1 streams an unknown length in parts. */
	public void put(String key, InputStream content, long size, String contentType) {
		call(() -> this.client.putObject(PutObjectArgs.builder()
			.bucket(this.properties.bucket())
			.object(key)
			.stream(content, size, size < 0 ? PART_SIZE : -1)
			.contentType(contentType)
			.build()), "store " + key);
	}

	public void putBytes(String key, byte[] bytes, String contentType) {
		put(key, new ByteArrayInputStream(bytes), bytes.length, contentType);
	}

	/** The whole object as bytes; only for objects known to be small. */
	public byte[] getBytes(String key) {
		try (InputStream in = get(key)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw unavailable("read " + key, ex);
		}
	}

	/** A small object's bytes in one request, or empty when there is no such object. */
	public Optional<byte[]> find(String key) {
		return findStored(key).map(Stored::bytes);
	}

	/** A small object's bytes with the ETag a {@link #replace} names, or empty when there is no such object. */
	public Optional<Stored> findStored(String key) {
		try (GetObjectResponse in = this.client
			.getObject(GetObjectArgs.builder().bucket(this.properties.bucket()).object(key).build())) {
			byte[] bytes = in.readAllBytes();
			return Optional.of(new Stored(bytes, unquote(in.headers().get("ETag"))));
		}
		catch (ErrorResponseException ex) {
			if (notFound(ex)) {
				return Optional.empty();
			}
			throw unavailable("read " + key, ex);
		}
		catch (MinioException | IOException | GeneralSecurityException ex) {
			throw unavailable("read " + key, ex);
		}
	}

	/**
	 * Creates an object only where there is none, in one request the server decides: the new ETag, or empty when
	 * the key already holds an object (or another writer's create of it won).
	 */
	public Optional<String> putIfAbsent(String key, byte[] bytes, String contentType) {
		return putOnCondition(key, bytes, contentType, Map.of("If-None-Match", "*"));
	}

	/**
	 * Overwrites an object only while it is still the version with this ETag, in one request the server decides:
	 * the new ETag, or empty when the object has changed or is gone.
	 */
	public Optional<String> replace(String key, byte[] bytes, String contentType, String etag) {
		return putOnCondition(key, bytes, contentType, Map.of("If-Match", "\"" + unquote(etag) + "\""));
	}

	/*
	 * S3 answers 409 ConditionalRequestConflict while another conditional write of the key is under way: that
	 * write may yet fail, so the key is not known to be taken. The request is made again, a few times, until the
	 * server decides (412: taken).
	 */
	private Optional<String> putOnCondition(String key, byte[] bytes, String contentType,
			Map<String, String> condition) {
		for (int attempt = 1;; attempt++) {
			try {
				return putOnConditionOnce(key, bytes, contentType, condition);
			}
			catch (ConditionInDoubt ex) {
				if (attempt == 5) {
					throw unavailable("store " + key, ex);
				}
				try {
					Thread.sleep(20L * attempt);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw unavailable("store " + key, ex);
				}
			}
		}
	}

	private static final class ConditionInDoubt extends Exception {

		ConditionInDoubt(Exception cause) {
			super(cause);
		}
	}

	private Optional<String> putOnConditionOnce(String key, byte[] bytes, String contentType,
			Map<String, String> condition) throws ConditionInDoubt {
		try {
			return Optional.of(unquote(this.client.putObject(PutObjectArgs.builder()
				.bucket(this.properties.bucket())
				.object(key)
				// one part, so one PUT: minio sends a multipart upload's headers with the request that starts it,
				// not with the one that completes it, where the server would decide the condition
				.stream(new ByteArrayInputStream(bytes), bytes.length,
						Math.max(bytes.length, ObjectWriteArgs.MIN_MULTIPART_SIZE))
				.contentType(contentType)
				.headers(condition)
				.build()).etag()));
		}
		catch (ErrorResponseException ex) {
			if ("ConditionalRequestConflict".equals(ex.errorResponse().code())) {
				throw new ConditionInDoubt(ex);
			}
			if (conditionFailed(ex)) {
				return Optional.empty();
			}
			throw unavailable("store " + key, ex);
		}
		catch (MinioException | IOException | GeneralSecurityException ex) {
			throw unavailable("store " + key, ex);
		}
	}

	// 412: the condition failed; 404: If-Match on a key that no longer exists
	private static boolean conditionFailed(ErrorResponseException ex) {
		String code = ex.errorResponse().code();
		return ex.response().code() == 412 || "PreconditionFailed".equals(code) || "NoSuchKey".equals(code);
	}

	/** ETags travel quoted in HTTP headers but not in minio's responses; callers only ever see them bare. */
	private static String unquote(String etag) {
		return etag == null ? null : etag.replace("\"", "");
	}

	private static boolean notFound(ErrorResponseException ex) {
		return "NoSuchKey".equals(ex.errorResponse().code()) || "NoSuchObject".equals(ex.errorResponse().code());
	}

	/** Up to {@code length} bytes from {@code offset}. */
	public byte[] read(String key, long offset, int length) {
		try (InputStream in = call(() -> this.client.getObject(GetObjectArgs.builder()
			.bucket(this.properties.bucket())
			.object(key)
			.offset(offset)
			.length((long) length)
			.build()), "read " + key)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw unavailable("read " + key, ex);
		}
	}

	/** The object's size, or empty when there is no such object. */
	public Optional<Long> size(String key) {
		return stat(key).map(StatObjectResponse::size);
	}

	/** The content type the object is stored with, or empty when there is no such object. */
	public Optional<String> contentType(String key) {
		return stat(key).map(StatObjectResponse::contentType);
	}

	private Optional<StatObjectResponse> stat(String key) {
		try {
			return Optional.of(this.client
				.statObject(StatObjectArgs.builder().bucket(this.properties.bucket()).object(key).build()));
		}
		catch (ErrorResponseException ex) {
			if (notFound(ex)) {
				return Optional.empty();
			}
			throw unavailable("check " + key, ex);
		}
		catch (MinioException | IOException | GeneralSecurityException ex) {
			throw unavailable("check " + key, ex);
		}
	}

	/** Copies an object inside the bucket, server-side (large objects in parts). */
	public void copy(String from, String to) {
		copy(from, to, null);
	}

	/**
	 * Copies an object inside the bucket, server-side (large objects in parts), giving the copy this content type
	 * whatever the source was stored with (null: the source's).
	 */
	public void copy(String from, String to, String contentType) {
		Optional<StatObjectResponse> source = stat(from);
		long size = source.map(StatObjectResponse::size).orElse(0L);
		Map<String, String> headers = contentType == null ? Map.of() : Map.of("Content-Type", contentType);
		if (size <= COPY_PART_SIZE) {
			call(() -> this.client.copyObject(CopyObjectArgs.builder()
				.bucket(this.properties.bucket())
				.object(to)
				.source(CopySource.builder().bucket(this.properties.bucket()).object(from).build())
				.headers(headers)
				.metadataDirective(contentType == null ? null : Directive.REPLACE)
				.build()), "copy " + from);
			return;
		}
		// every range from one version; quoted, as S3Proxy 4.1 compares the header to its quoted ETag verbatim
		String etag = "\"" + unquote(source.get().etag()) + "\"";
		List<ComposeSource> sources = new ArrayList<>();
		for (long offset = 0; offset < size; offset += COPY_PART_SIZE) {
			sources.add(ComposeSource.builder()
				.bucket(this.properties.bucket())
				.object(from)
				.offset(offset)
				.length(Math.min(COPY_PART_SIZE, size - offset))
				.matchETag(etag)
				.build());
		}
		call(() -> this.client.composeObject(ComposeObjectArgs.builder()
			.bucket(this.properties.bucket())
			.object(to)
			.sources(sources)
			.headers(headers)
			.build()), "copy " + from);
	}

	/** Whether any object lies under a prefix: one request for one key, however many there are. */
	public boolean any(String prefix) {
		for (Result<Item> result : this.client.listObjects(ListObjectsArgs.builder()
			.bucket(this.properties.bucket())
			.prefix(prefix)
			.recursive(true)
			.maxKeys(1)
			.build())) {
			call(result::get, "list " + prefix);
			return true;
		}
		return false;
	}

	/** Keys of every object under a prefix. */
	public List<String> list(String prefix) {
		List<String> keys = new ArrayList<>();
		for (Result<Item> result : this.client.listObjects(
				ListObjectsArgs.builder().bucket(this.properties.bucket()).prefix(prefix).recursive(true).build())) {
			keys.add(call(result::get, "list " + prefix).objectName());
		}
		return keys;
	}

	/**
	 * A URL that lets its holder PUT one object of exactly this length until it expires, without credentials of
	 * their own, and with this content type when one is given: both are signed, so storage refuses a PUT with others.
	 */
	public String presignedPut(String key, Duration expiry, String contentType, long length) {
		Map<String, String> signed = new java.util.HashMap<>();
		signed.put("Content-Length", Long.toString(length));
		if (contentType != null) {
			signed.put("Content-Type", contentType);
		}
		return presigned(Method.PUT, key, expiry, signed, Map.of());
	}

	/** The scheme, host and port browsers reach storage at through presigned URLs (for a page's security policy). */
	public String browserOrigin() {
		java.net.URI uri = java.net.URI.create(this.properties.presignEndpoint());
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
	}

	/** A URL that lets its holder GET one object until it expires. */
	public String presignedGet(String key, Duration expiry) {
		return presigned(Method.GET, key, expiry, Map.of(), Map.of());
	}

	/**
	 * A URL that lets its holder GET one object until it expires, answered with this content type and
	 * disposition whatever the object was stored with (S3's response-content-type and response-content-disposition).
	 */
	public String presignedGet(String key, Duration expiry, String contentType, String contentDisposition) {
		Map<String, String> answer = new java.util.HashMap<>();
		answer.put("response-content-type", contentType);
		if (contentDisposition != null) {
			answer.put("response-content-disposition", contentDisposition);
		}
		return presigned(Method.GET, key, expiry, Map.of(), answer);
	}

	private String presigned(Method method, String key, Duration expiry, Map<String, String> signedHeaders,
			Map<String, String> queryParams) {
		return call(() -> this.presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
			.method(method)
			.bucket(this.properties.bucket())
			.object(key)
			.expiry((int) expiry.toSeconds())
			.extraHeaders(signedHeaders)
			.extraQueryParams(queryParams)
			.build()), "sign a URL for " + key);
	}

	/** The stored bytes; the caller closes the stream. */
	public InputStream get(String key) {
		return call(() -> this.client.getObject(GetObjectArgs.builder().bucket(this.properties.bucket()).object(key).build()),
				"read " + key);
	}

	public boolean exists(String key) {
		return size(key).isPresent();
	}

	public void delete(String key) {
		call(() -> {
			this.client.removeObject(RemoveObjectArgs.builder().bucket(this.properties.bucket()).object(key).build());
			return null;
		}, "delete " + key);
	}

	/**
	 * Deletes many objects with one request per thousand (S3's multi-object delete); keys that are already gone are
	 * not an error.
	 */
	public void deleteAll(List<String> keys) {
		for (int start = 0; start < keys.size(); start += 1000) {
			List<DeleteObject> batch = keys.subList(start, Math.min(keys.size(), start + 1000))
				.stream()
				.map(DeleteObject::new)
				.toList();
			// the request is made as the answers are read
			for (Result<DeleteError> result : this.client.removeObjects(
					RemoveObjectsArgs.builder().bucket(this.properties.bucket()).objects(batch).build())) {
				DeleteError error = call(result::get, "delete " + batch.size() + " objects");
				if (!"NoSuchKey".equals(error.code())) {
					throw unavailable("delete " + error.objectName() + " (" + error.code() + ")", null);
				}
			}
		}
	}

	/**
	 * Aborts the bucket's multipart uploads started before the cutoff, which a crashed or abandoned upload leaves
	 * behind holding its parts' space: how many it aborted.
	 */
	public int abortUploadsStartedBefore(Instant cutoff) {
		String bucket = this.properties.bucket();
		int aborted = 0;
		String keyMarker = null;
		String uploadIdMarker = null;
		ListMultipartUploadsResult page;
		do {
			String afterKey = keyMarker;
			String afterUpload = uploadIdMarker;
			page = call(() -> join(this.uploads.listMultipartUploadsAsync(bucket, this.properties.region(), null, null,
					afterKey, null, null, afterUpload, null, null)), "list the uploads in " + bucket).result();
			for (Upload upload : page.uploads()) {
				if (upload.initiated().toInstant().isBefore(cutoff) && abort(upload)) {
					aborted++;
				}
			}
			keyMarker = page.nextKeyMarker();
			uploadIdMarker = page.nextUploadIdMarker();
		}
		while (page.isTruncated());
		return aborted;
	}

	private boolean abort(Upload upload) {
		try {
			join(this.uploads.abortMultipartUploadAsync(this.properties.bucket(), this.properties.region(),
					upload.objectName(), upload.uploadId(), null, null));
			return true;
		}
		catch (ErrorResponseException ex) {
			// completed or aborted since it was listed
			if ("NoSuchUpload".equals(ex.errorResponse().code())) {
				return false;
			}
			throw unavailable("abort an upload of " + upload.objectName(), ex);
		}
		catch (MinioException | IOException | GeneralSecurityException ex) {
			throw unavailable("abort an upload of " + upload.objectName(), ex);
		}
	}

	private <T> T join(CompletableFuture<T> future) throws MinioException, IOException, GeneralSecurityException {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException();
		}
		catch (ExecutionException ex) {
			this.uploads.throwEncapsulatedException(ex);
			throw new IllegalStateException(ex);
		}
	}

	public StorageStatus status() {
		boolean up;
		try {
			up = this.client.bucketExists(BucketExistsArgs.builder().bucket(this.properties.bucket()).build());
		}
		catch (MinioException | IOException | GeneralSecurityException | RuntimeException ex) {
			up = false;
		}
		return new StorageStatus(up, this.properties.endpoint(), this.properties.bucket());
	}

	private <T> T call(MinioCall<T> call, String what) {
		try {
			return call.run();
		}
		catch (MinioException | IOException | GeneralSecurityException ex) {
			throw unavailable(what, ex);
		}
	}

	private StorageUnavailableException unavailable(String what, Exception cause) {
		return new StorageUnavailableException("Storage at " + this.properties.endpoint() + " could not " + what,
				cause);
	}

	@FunctionalInterface
	private interface MinioCall<T> {

		T run() throws MinioException, IOException, GeneralSecurityException;
	}
}
