package org.mufu.hub.search;

import org.mufu.hub.content.Asset;

/** An answer of {@code similarAssets}: a picture like another one, and how many of the 64 hash bits differ. */
public record SimilarAsset(Asset asset, int distance) {
}
