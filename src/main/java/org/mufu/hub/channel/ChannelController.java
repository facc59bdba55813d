package org.mufu.hub.channel;

import java.util.List;

import org.mufu.hub.content.Asset;
import org.mufu.hub.content.AssetService;
import org.mufu.hub.security.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ChannelController {

	private final ChannelCatalog catalog;

	private final AssetService assets;

	private final RenditionService renditions;

	ChannelController(ChannelCatalog catalog, AssetService assets, RenditionService renditions) {
		this.catalog = catalog;
		this.assets = assets;
		this.renditions = renditions;
	}

	@QueryMapping
	List<ChannelInfo> channels() {
		return this.catalog.names()
			.stream()
			.map(name -> new ChannelInfo(name, this.catalog.require(name).label(), this.catalog.require(name).renditions()))
			.toList();
	}

	@MutationMapping
	Asset setFocalPoint(@Argument String assetId, @Argument double x, @Argument double y,
			Caller caller) {
		Asset moved = this.assets.setFocalPoint(caller, assetId, x, y);
		this.renditions.dropOutdated(moved);
		return moved;
	}

	record ChannelInfo(String name, String label, List<RenditionSpec> renditions) {
	}
}
