package org.mufu.hub.content;

import java.util.Map;

/** Adds fields another feature knows about to an item's index document (the channels it is ready for, say). */
public interface ContentDocumentContributor {

	/** {@code assets} holds the assets the item uses, already read, by id. */
	void contribute(ContentItem item, Map<String, Asset> assets, Map<String, Object> fields);
}
