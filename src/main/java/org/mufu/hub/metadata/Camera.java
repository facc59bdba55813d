package org.mufu.hub.metadata;

/** The camera or phone that made a picture or clip. */
public record Camera(String make, String model) {
}
