package org.mufu.hub.channel;

/** A rendition kept in storage: its name, size and storage key. */
public record StoredRendition(String name, int width, int height, String key) {

	public String contentType() {
		return "image/jpeg";
	}
}
