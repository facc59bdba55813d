package org.mufu.hub.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Words cut ahead are exactly the words cut at indexing, and never stand for a text that has changed since. */
class WordsAheadTest {

	private final WordsAhead words = new WordsAhead();

	@Test
	void wordsCutAheadAreTheWordsCutAtIndexing() {
		IndexedDocument item = item("a1", "黄袍山杜鹃花开", "<p>从通城出发，前往黄袍山看杜鹃。</p>");
		this.words.cut(List.of(item));

		IndexedDocument indexed = this.words.enrichAll(List.of(item)).get(0);

		assertThat(indexed.fields()).isEqualTo(SearchFields.enrich(new HashMap<>(item.fields())));
		assertThat(indexed.fields().get(ContentFields.TEXT_SEG).toString()).contains("黄袍山", "杜鹃");
	}

	@Test
	void aTextChangedAfterTheCutIsCutAgain() {
		this.words.cut(List.of(item("a2", "幕阜山云海", "<p>清晨的云海。</p>")));
		IndexedDocument edited = item("a2", "石牛寨日出", "<p>清晨的日出。</p>");

		IndexedDocument indexed = this.words.enrichAll(List.of(edited)).get(0);

		assertThat(indexed.fields()).isEqualTo(SearchFields.enrich(new HashMap<>(edited.fields())));
		assertThat(indexed.fields().get(ContentFields.TITLE_SEG).toString()).doesNotContain("云海");
	}

	@Test
	void wordsCutAheadAreTakenOnce() {
		IndexedDocument item = item("a3", "修河漂流", "<p>夏天去修河漂流。</p>");
		this.words.cut(List.of(item));
		this.words.enrichAll(List.of(item));
		Map<String, Object> changedBehindItsBack = new HashMap<>(item.fields());
		changedBehindItsBack.put("summary", "新的摘要");

		IndexedDocument again = this.words.enrichAll(List.of(new IndexedDocument("a3", changedBehindItsBack))).get(0);

		assertThat(again.fields().get(ContentFields.TEXT_SEG).toString()).contains("摘要");
	}

	private static IndexedDocument item(String id, String title, String body) {
		Map<String, Object> fields = new HashMap<>();
		fields.put(ContentFields.TITLE, title);
		fields.put("body", body);
		fields.put(ContentFields.TAGS, List.of("旅游"));
		return new IndexedDocument(id, fields);
	}
}
