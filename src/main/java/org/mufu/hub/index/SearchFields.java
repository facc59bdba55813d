package org.mufu.hub.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/**
 * The fields search reads, derived from a content document as it is indexed: the text cut into words
 * ({@code titleSeg}, {@code textSeg}, whitespace-analysed) and kept as characters ({@code allText}, standard
 * analyser), and the values suggestions complete.
 */
final class SearchFields {

	private SearchFields() {
	}

	/** Many documents at once, cut into words on every core: segmentation is the costly part of loading. */
	static List<IndexedDocument> enrichAll(List<IndexedDocument> documents) {
		return documents.parallelStream()
			.map(document -> new IndexedDocument(document.id(), enrich(new java.util.HashMap<>(document.fields()))))
			.toList();
	}

	static Map<String, Object> enrich(Map<String, Object> fields) {
		String title = text(fields.get(ContentFields.TITLE));
		String rest = String.join(" ", text(fields.get("summary")), plain(text(fields.get("body"))),
				text(fields.get(ContentFields.TAGS)), text(fields.get(ContentFields.TOPICS)),
				text(fields.get(ContentFields.PLACE_NAME)),
				text(fields.get("credits")), text(fields.get("author")), text(fields.get(ContentFields.ASSET_TEXT)));
		// the title is cut into words once and counted in both fields
		String titleWords = ChineseSegmenter.segment(title);
		fields.put(ContentFields.TITLE_SEG, titleWords);
		fields.put(ContentFields.TEXT_SEG, (titleWords + " " + ChineseSegmenter.segment(rest)).strip());
		fields.put(ContentFields.ALL_TEXT, title + " " + rest);
		List<String> suggest = new ArrayList<>();
		add(suggest, fields.get(ContentFields.TITLE));
		add(suggest, fields.get(ContentFields.TAGS));
		add(suggest, fields.get(ContentFields.PLACE_NAME));
		fields.put(ContentFields.SUGGEST, suggest);
		return fields;
	}

	private static void add(List<String> values, Object value) {
		if (value instanceof Collection<?> many) {
			many.forEach(one -> add(values, one));
		}
		else if (value != null && !value.toString().isBlank()) {
			values.add(value.toString().strip());
		}
	}

	private static String plain(String html) {
		return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]*>", " "));
	}

	private static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Collection<?> many) {
			return many.stream().map(String::valueOf).collect(Collectors.joining(" "));
		}
		return value.toString();
	}
}
