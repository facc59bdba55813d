package org.mufu.hub.security;

/** A member of the alliance: a county media centre, tourism bureau, scenic area or travel agency. */
public record Organization(String id, String name, String englishName, String county, String province) {
}
