package org.mufu.hub.index;

import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mufu.hub.content.ContentItem;

import static org.assertj.core.api.Assertions.assertThat;

/** The field names the code uses are the ones the mapping declares, and the item record has the ones it should. */
class ContentFieldsTest {

	@Test
	void everyNamedFieldIsMappedAndEveryMappedFieldIsNamed() throws Exception {
		assertThat(named()).isEqualTo(mapped());
	}

	@Test
	void theRecordsOwnFieldsAreComponentsOfAnItem() {
		Set<String> components = Arrays.stream(ContentItem.class.getRecordComponents())
			.map(component -> component.getName())
			.collect(Collectors.toSet());
		List<String> own = List.of(ContentFields.ID, ContentFields.KIND, ContentFields.STATUS, ContentFields.OWNER,
				ContentFields.VISIBILITY, ContentFields.LANGUAGE, ContentFields.TITLE, ContentFields.TAGS,
				ContentFields.TOPICS, ContentFields.PLACE_NAME, ContentFields.VERSION, ContentFields.CHANNELS,
				ContentFields.PUBLISH_AT, ContentFields.EXPIRE_AT, ContentFields.PUBLISHED_AT, ContentFields.CREATED_AT,
				ContentFields.UPDATED_AT);
		assertThat(components).containsAll(own);
	}

	@Test
	void aDocumentWritesOnlyMappedFieldsBesideTheRecord() throws Exception {
		ContentDocument document = ContentDocument.of("d1", new HashMap<>(Map.of("id", "d1")))
			.pendingStatus("IN_REVIEW")
			.usedAssetIds(List.of("a1"))
			.assetText(List.of("杜鹃"))
			.geo(29.1, 114.2)
			.shape(new ContentDocument.Shape(1920, 1080, "LANDSCAPE", "2026-04-02T08:00:00", 12.5))
			.readyChannels(List.of("TV"))
			.media(new ContentDocument.Media(new ContentDocument.Picture("a1", 1920, 1080, 0.5, 0.4),
					new ContentDocument.Clip("a2", "video/mp4", 12.5, 0, 1080, 1920, 25.0),
					Map.of("a1", "tongcheng", "a2", "pingjiang")))
			.build();
		Set<String> written = new TreeSet<>(document.indexed().fields().keySet());
		assertThat(mapped()).containsAll(written);
		assertThat(written).contains(ContentFields.PENDING_STATUS, ContentFields.GEO, ContentFields.COVER_WIDTH,
				ContentFields.CAPTURED_AT, ContentFields.DURATION_SECONDS, ContentFields.MEDIA);
	}

	@Test
	void searchFieldsAreMapped() throws Exception {
		Map<String, Object> fields = SearchFields.enrich(new HashMap<>(Map.of(ContentFields.TITLE, "黄袍山杜鹃")));
		assertThat(mapped()).containsAll(fields.keySet());
	}

	private static Set<String> named() throws IllegalAccessException {
		Set<String> names = new TreeSet<>();
		for (var field : ContentFields.class.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				names.add((String) field.get(null));
			}
		}
		return names;
	}

	private static Set<String> mapped() throws Exception {
		try (InputStream in = ContentFieldsTest.class.getResourceAsStream("/index/content.json")) {
			JsonNode properties = new ObjectMapper().readTree(in).path("mappings").path("properties");
			Set<String> names = new TreeSet<>();
			properties.fieldNames().forEachRemaining(names::add);
			return names;
		}
	}
}
