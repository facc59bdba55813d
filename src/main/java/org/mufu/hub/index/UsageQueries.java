package org.mufu.hub.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;

/** What the content index says about which items use which assets: for asset usage and for recutting covers. */
final class UsageQueries {

	/* assets asked about in one query, and the most items one query returns, for an asset's uses */
	private static final int USAGE_CHUNK = 200;

	private static final int USAGE_HITS = 5000;

	private final ElasticsearchClient client;

	UsageQueries(ElasticsearchClient client) {
		this.client = client;
	}

	/* The items that use each of the assets, as the content index holds them now (at most 5,000 per 200 assets). */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	Map<String, List<AssetUsage.Use>> usesOf(String contentIndex, List<String> assetIds) {
		Map<String, List<AssetUsage.Use>> uses = new HashMap<>();
		Set<String> wanted = Set.copyOf(assetIds);
		for (int start = 0; start < assetIds.size(); start += USAGE_CHUNK) {
			List<FieldValue> chunk = assetIds.subList(start, Math.min(assetIds.size(), start + USAGE_CHUNK))
				.stream()
				.map(FieldValue::of)
				.toList();
			try {
				for (var hit : this.client.search(s -> s.index(contentIndex)
					.query(q -> q.terms(t -> t.field(ContentFields.USED_ASSET_IDS).terms(v -> v.value(chunk))))
					.size(USAGE_HITS)
					.source(src -> src.filter(f -> f.includes(ContentFields.ID, ContentFields.OWNER, ContentFields.STATUS,
							ContentFields.VISIBILITY, ContentFields.USED_ASSET_IDS))), Map.class).hits().hits()) {
					Map<String, Object> fields = (Map<String, Object>) hit.source();
					AssetUsage.Use use = AssetUsage.Use.of(fields);
					for (String assetId : strings(fields.get(ContentFields.USED_ASSET_IDS))) {
						if (wanted.contains(assetId)) {
							uses.computeIfAbsent(assetId, id -> new ArrayList<>()).add(use);
						}
					}
				}
			}
			catch (IOException | ElasticsearchException ex) {
				throw new IndexUnavailableException("Elasticsearch could not read which items use the assets", ex);
			}
		}
		return uses;
	}


	/* The items on a channel's feed that use the asset (at most 1,000). */
	@SuppressWarnings("rawtypes")
	List<String> onFeedsUsing(String index, String assetId) {
		try {
			return this.client.search(s -> s.index(index)
				.query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field(ContentFields.USED_ASSET_IDS).value(assetId)))
					.filter(f -> f.exists(e -> e.field(ContentFields.FEED_CHANNELS)))))
				.size(1000)
				.source(src -> src.fetch(false)), Map.class)
				.hits()
				.hits()
				.stream()
				.map(hit -> hit.id())
				.toList();
		}
		catch (IOException | ElasticsearchException ex) {
			throw new IndexUnavailableException("Elasticsearch could not find the items using " + assetId, ex);
		}
	}


	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		return value instanceof List<?> list ? (List<String>) list : List.of();
	}
}
