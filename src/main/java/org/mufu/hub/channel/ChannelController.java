package org.mufu.hub.channel;

import java.util.List;
import java.util.Locale;

import org.mufu.hub.content.Asset;
import org.mufu.hub.content.AssetService;
import org.mufu.hub.security.Caller;

import org.springframework.context.MessageSource;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class ChannelController {

	private final ChannelCatalog catalog;

	private final AssetService assets;

	private final RenditionService renditions;

	private final MessageSource messages;

	ChannelController(ChannelCatalog catalog, AssetService assets, RenditionService renditions,
			MessageSource messages) {
		this.catalog = catalog;
		this.messages = messages;
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

	/** The reasons in the caller's language (Accept-Language; Simplified Chinese when none is asked for). */
	@SchemaMapping
	List<String> reasons(Readiness readiness, Locale locale) {
		return readiness.reasons().stream().map(reason -> this.messages.getMessage(reason, locale)).toList();
	}

	@SchemaMapping
	List<ReadinessReason> reasonDetails(Readiness readiness, Locale locale) {
		return readiness.reasons()
			.stream()
			.map(reason -> new ReadinessReason(reason.code(), reason.field(), this.messages.getMessage(reason, locale)))
			.toList();
	}

	record ReadinessReason(String code, String field, String message) {
	}

	record ChannelInfo(String name, String label, List<RenditionSpec> renditions) {
	}
}
