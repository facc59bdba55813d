package org.mufu.hub.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which field of the item editor a channel's readiness reason concerns, so the page shows it there with its fix:
 * the API says it ({@code reasonDetails.field}), with the reason in the person's language.
 */
final class ReadinessFields {

	private ReadinessFields() {
	}

	/** A reason for one channel, placed at a field (title, author, digest, body, cover, video, kind). */
	record Reason(String channel, String field, String text) {
	}

	/** Every reason of every channel, grouped by the field it concerns, in the channels' order. */
	@SuppressWarnings("unchecked")
	static Map<String, List<Reason>> byField(List<Map<String, Object>> readiness) {
		Map<String, List<Reason>> fields = new LinkedHashMap<>();
		if (readiness == null) {
			return fields;
		}
		for (Map<String, Object> channel : readiness) {
			for (Map<String, Object> reason : (List<Map<String, Object>>) channel.get("reasonDetails")) {
				String field = (String) reason.get("field");
				fields.computeIfAbsent(field, f -> new ArrayList<>())
					.add(new Reason((String) channel.get("channel"), field, (String) reason.get("message")));
			}
		}
		return fields;
	}

	/** Every reason, placed, per channel. */
	static Map<String, List<Reason>> byChannel(List<Map<String, Object>> readiness) {
		Map<String, List<Reason>> channels = new LinkedHashMap<>();
		byField(readiness).values()
			.forEach(reasons -> reasons
				.forEach(r -> channels.computeIfAbsent(r.channel(), c -> new ArrayList<>()).add(r)));
		return channels;
	}
}
