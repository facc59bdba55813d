package org.mufu.hub.content;

import java.time.Duration;

import org.mufu.hub.metadata.MediaKind;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the hub accepts: size limits per kind of file, the pixel limit, how long an upload URL lasts, and how
 * many files are read or decoded at once.
 */
@ConfigurationProperties("hub.upload")
record UploadProperties(@DefaultValue("100000000") long maxPixels, @DefaultValue("100MB") DataSize maxImageSize,
		@DefaultValue("20GB") DataSize maxVideoSize, @DefaultValue("200MB") DataSize maxDocumentSize,
		@DefaultValue("1h") Duration urlExpiry, @DefaultValue("2") int concurrentDecodes) {

	UploadProperties {
		if (concurrentDecodes < 1) {
			throw new IllegalArgumentException("hub.upload.concurrent-decodes must be at least 1");
		}
	}

	long maxBytes(MediaKind kind) {
		return switch (kind) {
			case IMAGE -> this.maxImageSize.toBytes();
			case VIDEO -> this.maxVideoSize.toBytes();
			case DOCUMENT -> this.maxDocumentSize.toBytes();
		};
	}

	long largestAccepted() {
		return Math.max(this.maxImageSize.toBytes(), Math.max(this.maxVideoSize.toBytes(), this.maxDocumentSize.toBytes()));
	}
}
