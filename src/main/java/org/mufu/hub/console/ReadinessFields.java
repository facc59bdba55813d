package org.mufu.hub.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which field of the item editor a channel's readiness reason concerns, so the page shows it there with its fix.
 * The one place that reads reasons: today from their words, once reasons carry a code, from the code.
 */
final class ReadinessFields {

	private ReadinessFields() {
	}

	/** A reason for one channel, placed at a field (title, author, digest, body, cover, video, kind). */
	record Reason(String channel, String field, String text) {
	}

	static String field(String reason) {
		String words = reason.toLowerCase(Locale.ROOT);
		if (words.contains("; this item is")) {
			return "kind";
		}
		if (words.contains(" title has")) {
			return "title";
		}
		if (words.contains(" author has")) {
			return "author";
		}
		if (words.contains(" digest has")) {
			return "digest";
		}
		if (words.contains(" body") || words.contains("picture(s) in the body")) {
			return "body";
		}
		if (words.startsWith("no ") || words.contains("cover") || words.contains("poster")) {
			return "cover";
		}
		if (words.contains("video") || words.contains("clip")) {
			return "video";
		}
		return "kind";
	}

	/** Every reason of every channel, grouped by the field it concerns, in the channels' order. */
	@SuppressWarnings("unchecked")
	static Map<String, List<Reason>> byField(List<Map<String, Object>> readiness) {
		Map<String, List<Reason>> fields = new LinkedHashMap<>();
		if (readiness == null) {
			return fields;
		}
		for (Map<String, Object> channel : readiness) {
			for (String text : (List<String>) channel.get("reasons")) {
				String field = field(text);
				fields.computeIfAbsent(field, f -> new ArrayList<>())
					.add(new Reason((String) channel.get("channel"), field, text));
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
