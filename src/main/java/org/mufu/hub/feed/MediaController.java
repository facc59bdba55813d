package org.mufu.hub.feed;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.mufu.hub.HubException;
import org.mufu.hub.Messages;
import org.mufu.hub.channel.RenditionService;
import org.mufu.hub.channel.RenditionSpec;
import org.mufu.hub.content.Asset;
import org.mufu.hub.content.AssetService;
import org.mufu.hub.content.ContentService;
import org.mufu.hub.metadata.MediaKind;
import org.mufu.hub.security.AccessPolicy;
import org.mufu.hub.security.Caller;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /media/{assetId}/{rendition}} (or {@code original}): a redirect to a short-lived presigned URL,
 * so bytes come from storage, not through the hub. Who may fetch follows who may see (see
 * {@link AccessPolicy#mayReadAsset}): the owner, editors, and readers of an item that may use the file.
 */
@RestController
class MediaController {

	private final AssetService assets;

	private final ContentService contents;

	private final RenditionService renditions;

	private final ObjectStorage storage;

	private final Duration expiry;

	MediaController(AssetService assets, ContentService contents, RenditionService renditions,
			ObjectStorage storage, @Value("${hub.feed.url-expiry:1h}") Duration expiry) {
		this.assets = assets;
		this.contents = contents;
		this.renditions = renditions;
		this.storage = storage;
		this.expiry = expiry;
	}

	@GetMapping("/media/{assetId}/{rendition}")
	ResponseEntity<Void> media(@PathVariable String assetId, @PathVariable String rendition,
			@AuthenticationPrincipal Caller caller) {
		Asset asset = this.assets.find(assetId)
			.orElseThrow(() -> HubException.notFound("media.file-not-found", assetId));
		if (!mayFetch(caller, asset)) {
			throw HubException.forbidden("media.file-own-county-only");
		}
		String key;
		String type = "image/jpeg";
		if ("original".equals(rendition)) {
			key = AssetService.originalKey(asset.id());
			type = asset.contentType();
		}
		else {
			RenditionSpec spec = this.renditions.spec(rendition)
				.orElseThrow(() -> HubException.notFound("media.no-such-rendition", rendition));
			if (asset.kind() != MediaKind.IMAGE) {
				throw HubException.badRequest("media.rendition-of-picture-only",
						Messages.of("media.kind." + asset.kind().name()));
			}
			key = this.renditions.ensure(asset, List.of(spec)).get(spec.name()).key();
		}
		// storage answers with the type the hub sniffed, whatever the object was stored with; documents are
		// downloaded rather than shown, so nothing an uploader made runs on the storage origin
		String disposition = asset.kind() == MediaKind.DOCUMENT ? "attachment" : "inline";
		return ResponseEntity.status(HttpStatus.FOUND)
			.location(URI.create(this.storage.presignedGet(key, this.expiry, type, disposition)))
			.header("Cache-Control", "private, max-age=" + Math.max(0, this.expiry.toSeconds() - 60))
			.header("X-Content-Type-Options", "nosniff")
			.build();
	}

	private boolean mayFetch(Caller caller, Asset asset) {
		return AccessPolicy.seesAllOf(caller, asset.owner())
				|| AccessPolicy.mayReadAsset(caller, asset.owner(), asset.shareable(),
						this.contents.holdingsUsing(asset.id()));
	}
}
