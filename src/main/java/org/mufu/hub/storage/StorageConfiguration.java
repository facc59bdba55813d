package org.mufu.hub.storage;

import io.minio.MinioClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

	@Bean
	MinioClient minioClient(StorageProperties properties) {
		return MinioClient.builder()
			.endpoint(properties.endpoint())
			.credentials(properties.accessKey(), properties.secretKey())
			.region(properties.region())
			.build();
	}

	/** Signs URLs for the public address; with the region given it never calls the server. */
	@Bean
	PresignClient presignClient(StorageProperties properties) {
		return new PresignClient(MinioClient.builder()
			.endpoint(properties.presignEndpoint())
			.credentials(properties.accessKey(), properties.secretKey())
			.region(properties.region())
			.build());
	}

	record PresignClient(MinioClient client) {
	}
}
