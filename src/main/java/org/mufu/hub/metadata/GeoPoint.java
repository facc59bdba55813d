package org.mufu.hub.metadata;

/** Where a picture or clip was taken: degrees north and east (south and west negative), metres above sea level. */
public record GeoPoint(double latitude, double longitude, Double altitude) {
}
