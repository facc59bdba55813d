package org.mufu.hub.metadata;

/** What sort of file an asset is. */
public enum MediaKind {
	IMAGE, VIDEO, DOCUMENT
}
