package org.mufu.hub.localservices;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded default: the Elasticsearch and S3 servers the hub starts for itself when no
 * external endpoint is configured.
 */
record LocalServicesProperties(
		@DefaultValue("true") boolean enabled,
		Path artifactsDir,
		@DefaultValue("120s") Duration startTimeout,
		@DefaultValue Elasticsearch elasticsearch,
		@DefaultValue S3 s3) {

	record Elasticsearch(@DefaultValue("9200") int port, @DefaultValue("512m") String heap) {
	}

	record S3(@DefaultValue("9000") int port, @DefaultValue("256m") String heap) {
	}
}
