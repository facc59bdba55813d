package org.mufu.hub.console;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemFormTests {

	@Test
	void tagsAreSplitAtChineseAndLatinCommas() {
		ItemForm form = new ItemForm("ARTICLE", "t", null, null, null, "杜鹃，黄袍山、 平江,  ", null, null, null, null);
		assertThat(form.tagList()).containsExactly("杜鹃", "黄袍山", "平江");
	}

	@Test
	void creditsAreOneALine() {
		ItemForm form = new ItemForm("ARTICLE", "t", null, null, null, null, null, "摄影：李明\r\n\n 文字：王芳 ", null,
				null);
		assertThat(form.creditList()).containsExactly("摄影：李明", "文字：王芳");
	}

	@Test
	void theKindGoesOnlyIntoANewItemAndBlanksAreLeftOut() {
		ItemForm form = new ItemForm("PROMO", " 标题 ", " ", "", "", "", "", "", "COUNTY", "");
		Map<String, Object> update = form.input(false);
		assertThat(update).doesNotContainKey("kind").containsEntry("title", "标题").containsEntry("summary", null)
			.containsEntry("coverAssetId", null).containsEntry("tags", List.of()).containsEntry("visibility", "COUNTY");
		assertThat(form.input(true)).containsEntry("kind", "PROMO");
	}

	@Test
	void aStoredItemFillsTheForm() {
		Map<String, Object> content = Map.of("kind", "ARTICLE", "title", "标题", "cover", Map.of("id", "a1b2c3d4e5"),
				"tags", List.of("杜鹃", "黄袍山"), "credits", List.of("摄影：李明", "文字：王芳"), "visibility", "ALLIANCE");
		ItemForm form = ItemForm.of(content);
		assertThat(form.coverAssetId()).isEqualTo("a1b2c3d4e5");
		assertThat(form.tags()).isEqualTo("杜鹃，黄袍山");
		assertThat(form.credits()).isEqualTo("摄影：李明\n文字：王芳");
	}
}
