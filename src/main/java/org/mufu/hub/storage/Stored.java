package org.mufu.hub.storage;

/** A small object's bytes with its ETag (without quotes), the version a conditional replace names. */
public record Stored(byte[] bytes, String etag) {
}
