package org.mufu.hub.content;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer of an upload, through the hub ({@code POST /api/uploads}, as the asset's fields and
 * {@code duplicate}) or presigned ({@code completeUpload}): the asset, and whether the member had uploaded these
 * bytes before, so that nothing new was stored. That is a fact of the upload, not of the asset.
 */
public record UploadResult(@JsonUnwrapped Asset asset, boolean duplicate) {

	static UploadResult added(Asset asset) {
		return new UploadResult(asset, false);
	}

	static UploadResult alreadyThere(Asset asset) {
		return new UploadResult(asset, true);
	}
}
