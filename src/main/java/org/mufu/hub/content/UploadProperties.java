package org.mufu.hub.content;

import java.time.Duration;

import org.mufu.hub.metadata.MediaKind;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** What the hub accepts: size limits per kind of file, the pixel limit, and how long an upload URL lasts. */
@ConfigurationProperties("hub.upload")
record UploadProperties(@DefaultValue("100000000") long maxPixels, @DefaultValue("100MB") DataSize maxImageSize,
		@DefaultValue("20GB") DataSize maxVideoSize, @DefaultValue("200MB") DataSize maxDocumentSize,
		@DefaultValue("1h") Duration urlExpiry) {

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
