package org.mufu.hub.metadata;

/** The type of a file as its bytes show it, whatever its name or declared type say. */
public record SniffedType(String contentType, MediaKind kind, String extension) {
}
