package org.mufu.hub.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import org.mufu.hub.index.ContentFields;
import org.mufu.hub.index.ContentIndex;
import org.mufu.hub.index.IndexNames;
import org.mufu.hub.index.IndexUnavailableException;

import org.springframework.stereotype.Component;

/**
 * Completions as an editor types: titles, tags and place names that start with the prefix, Chinese included,
 * among the items the editor may see, most used first.
 */
@Component
class Suggestions {

	private final ElasticsearchClient client;

	private final IndexNames names;

	Suggestions(ElasticsearchClient client, IndexNames names) {
		this.client = client;
		this.names = names;
	}

	/** The text as a Lucene regular expression that matches it literally. */
	static String luceneLiteral(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach(c -> {
			if (".?+*|{}[]()\"\\#@&<>~".indexOf(c) >= 0) {
				out.append('\\');
			}
			out.appendCodePoint(c);
		});
		return out.toString();
	}

	List<String> complete(String prefix, String readerOrg, int size) {
		if (prefix == null || prefix.isBlank()) {
			return List.of();
		}
		String start = prefix.strip();
		try {
			var response = this.client.search(s -> s.index(this.names.content())
				.timeout(Filters.ENGINE_TIMEOUT)
				.size(0)
				.query(q -> q.bool(b -> {
					b.filter(f -> f.prefix(p -> p.field(ContentFields.SUGGEST).value(start)));
					if (readerOrg != null) {
						b.filter(ContentIndex.visibleTo(readerOrg));
					}
					return b;
				}))
				.aggregations("values", a -> a.terms(t -> t.field(ContentFields.SUGGEST)
					.include(i -> i.regexp(luceneLiteral(start) + ".*"))
					.size(size))), Map.class);
			Aggregate values = response.aggregations().get("values");
			return values.sterms().buckets().array().stream().map(bucket -> bucket.key().stringValue()).toList();
		}
		catch (IOException | ElasticsearchException ex) {
			throw new IndexUnavailableException("Elasticsearch could not suggest", ex);
		}
	}
}
