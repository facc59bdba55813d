package org.mufu.hub.index;

import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The asset fields the code names, and those a document adds to its record, are the mapping's. */
class AssetFieldsTest {

	@Test
	void everyNamedFieldIsMapped() throws Exception {
		Set<String> named = new TreeSet<>();
		for (var field : AssetFields.class.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				named.add((String) field.get(null));
			}
		}
		assertThat(mapped()).containsAll(named);
	}

	@Test
	void aDocumentAddsOnlyMappedFieldsAndItsWordsIncludeThePlace() throws Exception {
		Map<String, Object> record = new HashMap<>(Map.of(AssetFields.ID, "a1", AssetFields.CAPTION, "四月杜鹃花海",
				AssetFields.FILENAME, "huangpao-azaleas_2025.jpg", AssetFields.KEYWORDS, List.of("杜鹃")));
		Map<String, Object> fields = new AssetDocument("a1", record, "PHOTO", "LANDSCAPE", "黄袍山", "Canon", 2_457_600L,
				new AssetDocument.Place(29.14, 113.66), List.of("0:ab")).indexed().fields();
		Set<String> added = new TreeSet<>(fields.keySet());
		added.removeAll(record.keySet());
		assertThat(mapped()).containsAll(added);
		assertThat((String) fields.get(AssetFields.ALL_TEXT)).contains("四月杜鹃花海", "huangpao azaleas 2025", "黄袍山");
		assertThat((String) fields.get(AssetFields.TEXT_SEG)).contains("黄袍山");
	}

	private static Set<String> mapped() throws Exception {
		try (InputStream in = AssetFieldsTest.class.getResourceAsStream("/index/assets.json")) {
			Set<String> names = new TreeSet<>();
			new ObjectMapper().readTree(in).path("mappings").path("properties").fieldNames().forEachRemaining(names::add);
			return names;
		}
	}
}
