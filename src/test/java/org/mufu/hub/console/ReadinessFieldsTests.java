package org.mufu.hub.console;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessFieldsTests {

	@Test
	void reasonsAreGroupedByFieldAndByChannel() {
		List<Map<String, Object>> readiness = List.of(
				Map.of("channel", "WECHAT", "ready", false, "reasonDetails",
						List.of(reason("title-too-long", "title", "微信标题最多 32 个字，现在是 40 个字。"),
								reason("body-missing", "body", "微信需要正文。"))),
				Map.of("channel", "TV", "ready", true, "reasonDetails", List.of()));
		Map<String, List<ReadinessFields.Reason>> byField = ReadinessFields.byField(readiness);
		assertThat(byField).containsOnlyKeys("title", "body");
		assertThat(byField.get("title")).extracting(ReadinessFields.Reason::channel).containsExactly("WECHAT");
		assertThat(byField.get("title")).extracting(ReadinessFields.Reason::text)
			.containsExactly("微信标题最多 32 个字，现在是 40 个字。");
		assertThat(ReadinessFields.byChannel(readiness)).containsOnlyKeys("WECHAT");
		assertThat(ReadinessFields.byField(null)).isEmpty();
	}

	private static Map<String, Object> reason(String code, String field, String message) {
		return Map.of("code", code, "field", field, "message", message);
	}
}
