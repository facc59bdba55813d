package org.mufu.hub.content;

/** Where an item stands in review and publishing. */
public enum ContentStatus {
	DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWN
}
