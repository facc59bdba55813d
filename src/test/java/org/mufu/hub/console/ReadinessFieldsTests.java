package org.mufu.hub.console;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessFieldsTests {

	@Test
	void eachReasonIsPlacedAtItsField() {
		assertThat(ReadinessFields.field("WeChat title has 40 characters; the limit is 32.")).isEqualTo("title");
		assertThat(ReadinessFields.field("WeChat author has 20 characters; the limit is 16.")).isEqualTo("author");
		assertThat(ReadinessFields.field("WeChat digest has 130 characters; the limit is 128.")).isEqualTo("digest");
		assertThat(ReadinessFields.field("WeChat needs an article body.")).isEqualTo("body");
		assertThat(ReadinessFields.field("no wechat-cover: the item has no cover picture to make it from."))
			.isEqualTo("cover");
		assertThat(ReadinessFields.field("Short video takes video; this item is an article.")).isEqualTo("kind");
		assertThat(ReadinessFields.field("TV takes landscape video; the clip is 1080x1920 (portrait)."))
			.isEqualTo("video");
	}

	@Test
	void reasonsAreGroupedByFieldAndByChannel() {
		List<Map<String, Object>> readiness = List.of(
				Map.of("channel", "WECHAT", "ready", false, "reasons",
						List.of("WeChat title has 40 characters; the limit is 32.", "WeChat needs an article body.")),
				Map.of("channel", "TV", "ready", true, "reasons", List.of()));
		Map<String, List<ReadinessFields.Reason>> byField = ReadinessFields.byField(readiness);
		assertThat(byField).containsOnlyKeys("title", "body");
		assertThat(byField.get("title")).extracting(ReadinessFields.Reason::channel).containsExactly("WECHAT");
		assertThat(ReadinessFields.byChannel(readiness)).containsOnlyKeys("WECHAT");
		assertThat(ReadinessFields.byField(null)).isEmpty();
	}
}
