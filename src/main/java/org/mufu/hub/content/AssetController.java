package org.mufu.hub.content;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;

import org.mufu.hub.HubException;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.security.AccessPolicy;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Role;
import org.mufu.hub.security.Organization;
import org.mufu.hub.security.OrganizationDirectory;

import org.springframework.context.MessageSource;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.LocalContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class AssetController {

	private static final String DUPLICATE = "duplicate";

	private final AssetService assets;

	private final ContentIndex index;

	private final OrganizationDirectory members;

	private final org.springframework.beans.factory.ObjectProvider<PlaceNames> places;

	private final AssetEdits edits;

	private final ContentService contents;

	private final MessageSource messages;

	private final Uploads uploads;

	AssetController(AssetService assets, Uploads uploads, ContentIndex index, OrganizationDirectory members,
			org.springframework.beans.factory.ObjectProvider<PlaceNames> places, AssetEdits edits,
			ContentService contents, MessageSource messages) {
		this.messages = messages;
		this.uploads = uploads;
		this.places = places;
		this.edits = edits;
		this.contents = contents;
		this.assets = assets;
		this.index = index;
		this.members = members;
	}

	@MutationMapping
	UploadTicket requestUpload(@Argument UploadRequest input, Caller caller) {
		return this.uploads.requestUpload(caller, input.filename(), input.contentType(), input.byteSize());
	}

	/* The asset, with whether it was there before in the local context its duplicate field reads. */
	@MutationMapping
	DataFetcherResult<Asset> completeUpload(@Argument String uploadId, Caller caller) {
		UploadResult result = this.uploads.completeUpload(caller, uploadId);
		return DataFetcherResult.<Asset>newResult()
			.data(result.asset())
			.localContext(GraphQLContext.newContext().of(DUPLICATE, result.duplicate()).build())
			.build();
	}

	/** True in an upload's answer when the member had uploaded the same bytes before; false anywhere else. */
	@SchemaMapping
	boolean duplicate(Asset asset, @LocalContextValue(name = DUPLICATE, required = false) Boolean duplicate) {
		return Boolean.TRUE.equals(duplicate);
	}

	@QueryMapping
	Asset asset(@Argument String id, Caller caller) {
		Asset asset = this.assets.find(id).orElseThrow(() -> HubException.notFound("asset.not-found", id));
		if (caller.role() == Role.CHANNEL) {
			throw HubException.forbidden("asset.channel-apps-use-feed");
		}
		// another member's file is shown while its owner shares it, as asset search shows it
		if (!AccessPolicy.seesAllOf(caller, asset.owner())
				&& (caller.role() == Role.CHANNEL || !this.contents.usableBy(caller.org(), asset))) {
			throw HubException.forbidden("asset.not-shared", id);
		}
		return asset;
	}

	@QueryMapping
	List<Asset> assets(@Argument String owner, @Argument String sha256, @Argument int first,
			Caller caller) {
		if (caller.role() == Role.CHANNEL) {
			throw HubException.forbidden("asset.channel-apps-use-feed");
		}
		String scope = AccessPolicy.actsForAlliance(caller) ? owner : caller.org();
		return this.index.findAssets(scope, sha256, Math.min(Math.max(first, 1), 100))
			.stream()
			.map(this.assets::find)
			.flatMap(Optional::stream)
			.toList();
	}

	@SchemaMapping
	Organization owner(Asset asset) {
		return this.members.find(asset.owner()).orElse(null);
	}

	@SchemaMapping
	String type(Asset asset) {
		return AssetDocuments.type(asset);
	}

	@SchemaMapping
	String place(Asset asset) {
		PlaceNames names = this.places.getIfAvailable();
		if (asset.location() == null || names == null) {
			return null;
		}
		return names.near(asset.location().latitude(), asset.location().longitude()).orElse(null);
	}

	@MutationMapping
	List<AssetUpdate> updateAssets(@Argument List<String> ids, @Argument AssetEdits.Changes changes, Caller caller,
			Locale locale) {
		return this.edits.update(caller, ids, changes)
			.stream()
			.map(outcome -> new AssetUpdate(outcome.assetId(), outcome.asset(),
					outcome.refused() != null ? outcome.refused().name() : null,
					outcome.message() != null ? this.messages.getMessage(outcome.message(), locale) : null))
			.toList();
	}

	@SchemaMapping
	FocalPoint focalPoint(Asset asset) {
		return new FocalPoint(asset.focusX(), asset.focusY());
	}

	@SchemaMapping
	String credit(Asset asset) {
		return asset.creditLine();
	}

	@SchemaMapping
	boolean reusable(Asset asset) {
		return this.contents.usableBy("", asset);
	}

	@SchemaMapping
	List<AssetUse> usedBy(Asset asset, Caller caller) {
		return this.index.contentUsingAsset(asset.id())
			.stream()
			.map(this.contents::find)
			.flatMap(Optional::stream)
			.filter(item -> ContentService.visibleTo(caller, item))
			.flatMap(item -> AssetUse.of(item, asset.id()).stream())
			.toList();
	}

	record AssetUpdate(String assetId, Asset asset, String refused, String message) {
	}

	record FocalPoint(double x, double y) {
	}

	record UploadRequest(String filename, String contentType, long byteSize) {
	}
}
