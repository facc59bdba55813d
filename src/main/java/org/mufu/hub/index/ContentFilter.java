package org.mufu.hub.index;

/**
 * What a listing of items asks for; {@code readerOrg}, when set, limits it to that member's own items and
 * every member's ALLIANCE items.
 */
public record ContentFilter(String text, String owner, String status, String kind, String readerOrg) {
}
