package org.mufu.hub.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemConflictTests {

	private static ItemForm stored() {
		return new ItemForm("ARTICLE", "黄袍山杜鹃花开", "满山红遍", "<p>正文</p>", "a1b2c3d4e5", "杜鹃，黄袍山", "黄袍山",
				"摄影：李明", "ALLIANCE", "李明");
	}

	@Test
	void marksOnlyTheFieldsThatDiffer() {
		ItemForm mine = new ItemForm(null, "黄袍山杜鹃花开了", "满山红遍", "<p>正文</p>", "a1b2c3d4e5", "杜鹃, 黄袍山",
				"黄袍山", "摄影：李明", "ALLIANCE", "李明");
		ItemConflict conflict = ItemConflict.between(stored(), 4, mine);
		assertThat(conflict.storedVersion()).isEqualTo(4);
		assertThat(conflict.changed()).extracting(ItemConflict.Field::name).containsExactly("title");
		assertThat(conflict.changed().get(0).stored()).isEqualTo("黄袍山杜鹃花开");
		assertThat(conflict.changed().get(0).mine()).isEqualTo("黄袍山杜鹃花开了");
	}

	@Test
	void emptyAndMissingAreTheSame() {
		ItemForm stored = new ItemForm("ARTICLE", "标题", null, null, null, "", null, "", "COUNTY", null);
		ItemForm mine = new ItemForm(null, "标题 ", "", "  ", "", null, "", null, "COUNTY", "");
		assertThat(ItemConflict.between(stored, 2, mine).changed()).isEmpty();
	}

	@Test
	void showsEveryFieldInThePagesOrder() {
		ItemConflict conflict = ItemConflict.between(stored(), 3, stored());
		assertThat(conflict.fields()).extracting(ItemConflict.Field::name).containsExactlyElementsOf(ItemForm.FIELDS);
		assertThat(conflict.changed()).isEmpty();
	}

	@Test
	void aCoverTakenAwayIsAChange() {
		ItemForm mine = new ItemForm(null, "黄袍山杜鹃花开", "满山红遍", "<p>正文</p>", "", "杜鹃，黄袍山", "黄袍山",
				"摄影：李明", "ALLIANCE", "李明");
		assertThat(ItemConflict.between(stored(), 5, mine).changed()).extracting(ItemConflict.Field::name)
			.containsExactly("coverAssetId");
	}

	@Test
	void bodiesAreComparedByTheirWordsAndPicturesNotTheirMarkup() {
		ItemForm stored = new ItemForm("ARTICLE", "标题", null,
				"<p>四月的黄袍山，&amp;漫山杜鹃。</p><img src=\"/media/a1b2c3d4e5/original\" data-asset-id=\"a1b2c3d4e5\" />",
				null, null, null, null, "ALLIANCE", null);
		ItemForm same = new ItemForm(null, "标题", null,
				"<div>四月的黄袍山，&amp;漫山杜鹃。</div><img alt=\"\" data-asset-id=\"a1b2c3d4e5\" src=\"/media/a1b2c3d4e5/original\">",
				null, null, null, null, "ALLIANCE", null);
		ItemForm otherPicture = new ItemForm(null, "标题", null,
				"<p>四月的黄袍山，&amp;漫山杜鹃。</p><img data-asset-id=\"f6g7h8i9j0\">", null, null, null, null,
				"ALLIANCE", null);
		assertThat(ItemConflict.between(stored, 2, same).changed()).isEmpty();
		assertThat(ItemConflict.between(stored, 2, otherPicture).changed()).extracting(ItemConflict.Field::name)
			.containsExactly("body");
		assertThat(stored.value("body")).isEqualTo("四月的黄袍山，&漫山杜鹃。 🖼a1b2c3d4e5");
	}
}
