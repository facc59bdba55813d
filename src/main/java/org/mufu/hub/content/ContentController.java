package org.mufu.hub.content;

import java.util.List;
import java.util.Optional;

import org.mufu.hub.index.ContentFilter;
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
class ContentController {

	private final ContentService contents;

	private final AssetService assets;

	private final OrganizationDirectory members;

	ContentController(ContentService contents, AssetService assets, OrganizationDirectory members) {
		this.contents = contents;
		this.assets = assets;
		this.members = members;
	}

	@QueryMapping
	ContentItem content(@Argument String id, Caller caller) {
		return this.contents.read(caller, id);
	}

	@QueryMapping
	List<ContentItem> contents(@Argument ContentListFilter filter, @Argument int first,
			Caller caller) {
		ContentListFilter f = filter != null ? filter : new ContentListFilter(null, null, null, null);
		return this.contents.list(caller, new ContentFilter(f.text(), f.owner(),
				f.status() != null ? f.status().name() : null, f.kind() != null ? f.kind().name() : null, null), first);
	}

	@MutationMapping
	ContentItem createContent(@Argument ContentInput input, @Argument String idempotencyKey, Caller caller) {
		return this.contents.create(caller, input, idempotencyKey);
	}

	@MutationMapping
	ContentItem updateContent(@Argument String id, @Argument ContentInput input, @Argument int expectedVersion,
			Caller caller) {
		return this.contents.update(caller, id, input, expectedVersion);
	}

	@MutationMapping
	DeletedContent deleteContent(@Argument String id, Caller caller) {
		return new DeletedContent(id, this.contents.delete(caller, id));
	}

	@SchemaMapping(typeName = "Content")
	boolean searchable(ContentItem item) {
		return this.contents.searchable(item);
	}

	@SchemaMapping(typeName = "Content")
	Organization owner(ContentItem item) {
		return this.members.find(item.owner()).orElse(null);
	}

	@SchemaMapping(typeName = "Content")
	Asset cover(ContentItem item, Caller caller) {
		return asset(item, item.coverAssetId(), caller);
	}

	@SchemaMapping(typeName = "Content")
	Asset video(ContentItem item, Caller caller) {
		return asset(item, item.videoAssetId(), caller);
	}

	@SchemaMapping(typeName = "Content")
	Asset poster(ContentItem item, Caller caller) {
		return asset(item, item.posterAssetId(), caller);
	}

	@SchemaMapping(typeName = "Content")
	List<Asset> inlineAssets(ContentItem item, Caller caller) {
		return assets(item, item.inlineAssetIds(), caller);
	}

	@SchemaMapping(typeName = "Content")
	List<Asset> assets(ContentItem item, Caller caller) {
		return assets(item, item.assetIds(), caller);
	}

	@SchemaMapping(typeName = "Content")
	List<OverrideView> overrides(ContentItem item) {
		return item.overrides()
			.entrySet()
			.stream()
			.map(entry -> new OverrideView(entry.getKey(), entry.getValue().title(), entry.getValue().digest(),
					entry.getValue().author()))
			.toList();
	}

	private Asset asset(ContentItem item, String id, Caller caller) {
		return id == null ? null : this.assets.find(id).filter(asset -> shown(item, asset, caller)).orElse(null);
	}

	private List<Asset> assets(ContentItem item, List<String> ids, Caller caller) {
		return ids.stream()
			.map(this.assets::find)
			.flatMap(Optional::stream)
			.filter(asset -> shown(item, asset, caller))
			.toList();
	}

	/* Another member's file (its place, its camera) shows through an item only while the item may use it. */
	private boolean shown(ContentItem item, Asset asset, Caller caller) {
		return AccessPolicy.seesAllOf(caller, asset.owner()) || this.contents.usableBy(item.owner(), asset);
	}

	record ContentListFilter(String text, String owner, ContentStatus status, ContentKind kind) {
	}

	record OverrideView(String channel, String title, String digest, String author) {
	}

	record DeletedContent(String id, List<String> deletedAssetIds) {
	}
}
