package org.mufu.hub.storage;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where the hub keeps its files: an S3 endpoint (MinIO, or the local S3 server) and one bucket. */
@Validated
@ConfigurationProperties("hub.storage")
record StorageProperties(@NotBlank String endpoint, String publicEndpoint, @NotBlank String accessKey,
		@NotBlank String secretKey, @NotBlank @DefaultValue("mufu-hub") String bucket,
		@DefaultValue("us-east-1") String region) {

	/** The address clients outside the hub use for presigned URLs (in compose, not the container name). */
	String presignEndpoint() {
		return this.publicEndpoint != null && !this.publicEndpoint.isBlank() ? this.publicEndpoint : this.endpoint;
	}
}
