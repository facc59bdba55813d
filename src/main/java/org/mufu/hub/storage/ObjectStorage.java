package org.mufu.hub.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;

import io.minio.BucketExistsArgs;
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

	ObjectStorage(MinioClient client, StorageProperties properties) {
		this.client = client;
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

	/** The stored bytes; the caller closes the stream. */
	public InputStream get(String key) {
		return call(() -> this.client.getObject(GetObjectArgs.builder().bucket(this.properties.bucket()).object(key).build()),
				"read " + key);
	}

	public boolean exists(String key) {
		try {
			this.client.statObject(StatObjectArgs.builder().bucket(this.properties.bucket()).object(key).build());
			return true;
		}
		catch (ErrorResponseException ex) {
			if ("NoSuchKey".equals(ex.errorResponse().code())) {
				return false;
			}
			throw unavailable("check " + key, ex);
		}
		catch (MinioException | IOException | GeneralSecurityException ex) {
			throw unavailable("check " + key, ex);
		}
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
