package org.mufu.hub.index;

/** What a rebuild of the index from storage did. */
public record ReindexReport(String contentIndex, long contentCount, String assetIndex, long assetCount,
		long tookMillis) {
}
