package org.mufu.hub.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Search words cut ahead of indexing. Cutting Chinese into words is most of the hub's own work in a load, and an
 * import can do it while its packs are being stored and logged, when the processor would otherwise wait on
 * storage; the indexer then takes the words for a document whose text is still the same, and cuts the rest
 * itself. Only a cache: the index never depends on it.
 */
@Component
public class WordsAhead {

	/** Two import files' worth; an import of more cuts its first documents ahead and the indexer the rest. */
	public static final int KEPT = 40_000;

	/* Characters kept in all, about 100 MB of heap: long articles are cut ahead only as far as that goes. */
	private static final long KEPT_CHARACTERS = 48_000_000;

	private static final List<String> DERIVED = List.of(ContentFields.TITLE_SEG, ContentFields.TEXT_SEG,
			ContentFields.ALL_TEXT, ContentFields.SUGGEST);

	private final Cache<String, Map<String, Object>> ahead = Caffeine.newBuilder()
		.maximumWeight(KEPT_CHARACTERS)
		.weigher((String id, Map<String, Object> fields) -> characters(fields))
		.expireAfterWrite(10, TimeUnit.MINUTES)
		.build();

	/**
	 * Cuts the documents' words now, on every core, for the indexer to take: worth it only on the hub following
	 * the log ({@link LogIndexer#following}), whose indexer takes them.
	 */
	public void cut(List<IndexedDocument> documents) {
		documents.stream()
			.limit(KEPT)
			.parallel()
			.forEach(document -> this.ahead.put(document.id(), SearchFields.enrich(new HashMap<>(document.fields()))));
	}

	/** The documents with their search fields: cut ahead where the text is the same, cut now otherwise. */
	List<IndexedDocument> enrichAll(List<IndexedDocument> documents) {
		return documents.parallelStream().map(this::enriched).toList();
	}

	private IndexedDocument enriched(IndexedDocument document) {
		Map<String, Object> cut = this.ahead.asMap().remove(document.id());
		Map<String, Object> fields = new HashMap<>(document.fields());
		if (cut == null || !sameText(cut, fields)) {
			return new IndexedDocument(document.id(), SearchFields.enrich(fields));
		}
		DERIVED.forEach(field -> fields.put(field, cut.get(field)));
		return new IndexedDocument(document.id(), fields);
	}

	private static int characters(Map<String, Object> fields) {
		long length = 0;
		for (Object value : fields.values()) {
			length += value instanceof String text ? text.length() : 16;
		}
		return (int) Math.min(Integer.MAX_VALUE, length);
	}

	private static boolean sameText(Map<String, Object> cut, Map<String, Object> fields) {
		return SearchFields.SOURCES.stream().allMatch(field -> Objects.equals(cut.get(field), fields.get(field)));
	}
}
