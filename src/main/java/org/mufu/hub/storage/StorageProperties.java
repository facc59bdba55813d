package org.mufu.hub.storage;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the hub keeps its files: an S3 endpoint (MinIO, or the local S3 server) and one bucket.
 *
 * @param connectTimeout how long to wait for a connection to the storage server
 * @param readTimeout how long the server may be silent while an answer is due, so a hung server fails a request
 * (and health) within seconds rather than minio's five minutes
 * @param writeTimeout how long the server may refuse to take more of a request body
 */
@Validated
@ConfigurationProperties("hub.storage")
record StorageProperties(@NotBlank String endpoint, String publicEndpoint, @NotBlank String accessKey,
		@NotBlank String secretKey, @NotBlank @DefaultValue("mufu-hub") String bucket,
		@DefaultValue("us-east-1") String region, @DefaultValue("3s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("60s") Duration writeTimeout) {

	/** The address clients outside the hub use for presigned URLs (in compose, not the container name). */
	String presignEndpoint() {
		return this.publicEndpoint != null && !this.publicEndpoint.isBlank() ? this.publicEndpoint : this.endpoint;
	}
}
