package org.mufu.hub.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.minio.BucketExistsArgs;
import io.minio.ComposeObjectArgs;
import io.minio.ComposeSource;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.http.Method;
import io.minio.messages.Item;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
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

	private final MinioClient client;

	private final StorageProperties properties;

	private final MinioClient presigner;

	ObjectStorage(MinioClient client, StorageConfiguration.PresignClient presigner, StorageProperties properties) {
		this.client = client;
		this.presigner = presigner.client();
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() {
		String bucket = this.properties.bucket();
		call(() -> {
			if (!this.client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
				this.client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
				logger.info("Created bucket " + bucket + " at " + this.properties.endpoint());
			}
			return null;
		}, "prepare the bucket " + bucket);
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
		try (InputStream in = this.client
			.getObject(GetObjectArgs.builder().bucket(this.properties.bucket()).object(key).build())) {
			return Optional.of(in.readAllBytes());
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
		try {
			return Optional.of(this.client
				.statObject(StatObjectArgs.builder().bucket(this.properties.bucket()).object(key).build())
				.size());
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
		call(() -> this.client.composeObject(ComposeObjectArgs.builder()
			.bucket(this.properties.bucket())
			.object(to)
			.sources(List.of(ComposeSource.builder().bucket(this.properties.bucket()).object(from).build()))
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

	/** A URL that lets its holder PUT one object until it expires, without credentials of their own. */
	public String presignedPut(String key, Duration expiry) {
		return presigned(Method.PUT, key, expiry);
	}

	/** A URL that lets its holder GET one object until it expires. */
	public String presignedGet(String key, Duration expiry) {
		return presigned(Method.GET, key, expiry);
	}

	private String presigned(Method method, String key, Duration expiry) {
		return call(() -> this.presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
			.method(method)
			.bucket(this.properties.bucket())
			.object(key)
			.expiry((int) expiry.toSeconds())
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
