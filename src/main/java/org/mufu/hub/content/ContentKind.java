package org.mufu.hub.content;

/** What an item is: an article, a video, or a set of promotional assets. */
public enum ContentKind {
	ARTICLE, VIDEO, PROMO
}
