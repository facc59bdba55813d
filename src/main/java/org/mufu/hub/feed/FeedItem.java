package org.mufu.hub.feed;

import java.time.Instant;
import java.util.List;

import org.mufu.hub.content.ContentKind;
import org.mufu.hub.content.Visibility;
import org.mufu.hub.security.Organization;

/** An item as one channel shows it: its own title and digest, its pictures, its clip, its credits. */
public record FeedItem(String id, ContentKind kind, String title, String digest, String author, String body,
		List<Picture> covers, Video video, List<String> credits, Organization owner, Visibility visibility,
		List<String> topics, List<String> tags, String placeName, Instant publishedAt) {

	/** A rendition as delivered: absolute URL that expires, and its exact size. */
	public record Picture(String name, String url, int width, int height, String contentType) {
	}

	public record Video(String url, String contentType, Double durationSeconds, Integer orientation, Integer width,
			Integer height, Double frameRate) {
	}
}
