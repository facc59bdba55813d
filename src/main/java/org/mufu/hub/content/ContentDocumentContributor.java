package org.mufu.hub.content;

import java.util.Map;

import org.mufu.hub.index.ContentDocument;

/** Adds what another feature derives to an item's index document (the channels it is ready for, say). */
public interface ContentDocumentContributor {

	/** {@code assets} holds the assets the item uses, already read, by id. */
	void contribute(ContentItem item, Map<String, Asset> assets, ContentDocument.Builder document);
}
