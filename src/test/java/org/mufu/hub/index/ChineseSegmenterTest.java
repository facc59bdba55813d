package org.mufu.hub.index;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseSegmenterTest {

	@Test
	void placeNamesStayWhole() {
		assertThat(words("黄袍山万亩杜鹃进入盛花期")).contains("黄袍山", "杜鹃").doesNotContain("黄袍山万");
		assertThat(words("幕阜山主峰云海再现")).contains("幕阜山", "云海", "主峰");
	}

	@Test
	void mixedLatinDigitsAndHanMatchAsTyped() {
		assertThat(words("沿G106国道自驾，2025花炮节开幕")).contains("g106国道", "g106", "2025花炮节", "2025");
		assertThat(words("G106国道")).contains("g106国道");
	}

	@Test
	void queryAndDocumentShareTheirWords() {
		assertThat(words("平江酱干的二十道工序")).containsAll(words("平江酱干"));
	}

	@Test
	void aQueryKeepsNamesWholeButTextKeepsTheirPiecesToo() {
		assertThat(words("黄袍山杜鹃")).contains("黄袍", "山", "黄袍山", "杜鹃");
		assertThat(List.of(ChineseSegmenter.segmentQuery("黄袍山杜鹃").split(" "))).containsExactlyInAnyOrder("黄袍山",
				"杜鹃");
		assertThat(List.of(ChineseSegmenter.segmentQuery("黄袍 山顶").split(" "))).contains("黄袍", "山顶");
	}

	private static List<String> words(String text) {
		return List.of(ChineseSegmenter.segment(text).split(" "));
	}
}
