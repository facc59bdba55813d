package org.mufu.hub.storage;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

	@Bean
	MinioClient minioClient(StorageProperties properties) {
		MinioClient client = MinioClient.builder()
			.endpoint(properties.endpoint())
			.credentials(properties.accessKey(), properties.secretKey())
			.region(properties.region())
			.build();
		setTimeouts(client::setTimeout, properties);
		return client;
	}

	/** The multipart-upload calls, which minio offers on its asynchronous client only. */
	@Bean
	MinioAsyncClient minioAsyncClient(StorageProperties properties) {
		MinioAsyncClient client = MinioAsyncClient.builder()
			.endpoint(properties.endpoint())
			.credentials(properties.accessKey(), properties.secretKey())
			.region(properties.region())
			.build();
		setTimeouts(client::setTimeout, properties);
		return client;
	}

	/** Signs URLs for the public address; with the region given it never calls the server. */
	@Bean
	PresignClient presignClient(StorageProperties properties) {
		MinioClient client = MinioClient.builder()
			.endpoint(properties.presignEndpoint())
			.credentials(properties.accessKey(), properties.secretKey())
			.region(properties.region())
			.build();
		setTimeouts(client::setTimeout, properties);
		return new PresignClient(client);
	}

	// minio's own are five minutes each: a hung server would hold every request, and health, that long
	private static void setTimeouts(Timeouts client, StorageProperties properties) {
		client.set(properties.connectTimeout().toMillis(), properties.writeTimeout().toMillis(),
				properties.readTimeout().toMillis());
	}

	record PresignClient(MinioClient client) {
	}

	/** {@code setTimeout} of either minio client, which share no type that declares it. */
	@FunctionalInterface
	private interface Timeouts {

		void set(long connectMillis, long writeMillis, long readMillis);
	}
}
