package org.mufu.hub.content;

import java.util.List;
import java.util.Optional;

import org.mufu.hub.HubException;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.security.AccessPolicy;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.Organization;
import org.mufu.hub.security.OrganizationDirectory;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class AssetController {

	private final AssetService assets;

	private final ContentIndex index;

	private final OrganizationDirectory members;

	private final org.springframework.beans.factory.ObjectProvider<PlaceNames> places;

	AssetController(AssetService assets, ContentIndex index, OrganizationDirectory members,
			org.springframework.beans.factory.ObjectProvider<PlaceNames> places) {
		this.places = places;
		this.assets = assets;
		this.index = index;
		this.members = members;
	}

	@MutationMapping
	UploadTicket requestUpload(@Argument UploadRequest input, Caller caller) {
		return this.assets.requestUpload(caller, input.filename(), input.contentType(), input.byteSize());
	}

	@MutationMapping
	Asset completeUpload(@Argument String uploadId, Caller caller) {
		return this.assets.completeUpload(caller, uploadId);
	}

	@QueryMapping
	Asset asset(@Argument String id, Caller caller) {
		Asset asset = this.assets.find(id).orElseThrow(() -> HubException.notFound("There is no asset " + id + "."));
		if (!AccessPolicy.seesAllOf(caller, asset.owner())) {
			throw HubException.forbidden("Asset " + id + " belongs to another member.");
		}
		return asset;
	}

	@QueryMapping
	List<Asset> assets(@Argument String owner, @Argument String sha256, @Argument int first,
			Caller caller) {
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

	record UploadRequest(String filename, String contentType, long byteSize) {
	}
}
