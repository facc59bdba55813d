package org.mufu.hub.channel;

import java.util.Map;

import org.mufu.hub.content.Asset;
import org.mufu.hub.content.ContentDocumentContributor;
import org.mufu.hub.content.ContentItem;
import org.mufu.hub.index.ContentDocument;

import org.springframework.stereotype.Component;

/** Puts the channels an item is ready for into its index document, for search filters and facets. */
@Component
class ReadinessContributor implements ContentDocumentContributor {

	private final ChannelReadiness readiness;

	ReadinessContributor(ChannelReadiness readiness) {
		this.readiness = readiness;
	}

	@Override
	public void contribute(ContentItem item, Map<String, Asset> assets, ContentDocument.Builder document) {
		document.readyChannels(this.readiness.checkAll(item, assets).stream().filter(Readiness::ready)
			.map(Readiness::channel).toList());
	}
}
