package org.mufu.hub.console;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Alliance sharing: who promotes whom, by month and by channel. The charts are bars drawn as SVG in the page by
 * the server: three bar charts need no chart library, no script and nothing the page policy would have to allow,
 * and they print and read with a screen reader as the table they are. The same counts download as CSV.
 */
@Controller
class SharingController {

	private final ConsoleGraphQl graphQl;

	private final MessageSource messages;

	SharingController(ConsoleGraphQl graphQl, MessageSource messages) {
		this.graphQl = graphQl;
		this.messages = messages;
	}

	/** One bar: what it counts, how many, and its length as a share of the longest (0..100). */
	record Bar(String label, long count, long percent) {
	}

	@GetMapping("/console/sharing")
	String sharing(Locale locale, Model model) {
		ConsoleGraphQl.Answer answer = this.graphQl.run("sharing", Map.of(), locale);
		List<Map<String, Object>> rows = rows(answer).stream()
			.filter(row -> !String.valueOf(row.get("owner")).equals(row.get("receiver")))
			.toList();
		Map<String, String> names = names(answer);
		String unknown = this.messages.getMessage("sharing.unknown", null, locale);
		model.addAttribute("pairs", bars(rows, row -> this.messages.getMessage("sharing.pair",
				new Object[] { name(names, row.get("owner")), name(names, row.get("receiver")) }, locale), false));
		model.addAttribute("months", bars(rows, row -> row.get("month") != null ? (String) row.get("month") : unknown,
				true));
		Function<Map<String, Object>, String> channel = row -> row.get("channel") != null
				? this.messages.getMessage("value." + row.get("channel"), null, (String) row.get("channel"), locale)
				: unknown;
		model.addAttribute("channels", bars(rows, channel, false));
		model.addAttribute("monthsAndChannels", bars(rows, row -> (row.get("month") != null ? row.get("month")
				: unknown) + " · " + channel.apply(row), true));
		model.addAttribute("problems", answer.problems());
		return "console/sharing";
	}

	@GetMapping("/console/sharing.csv")
	ResponseEntity<byte[]> csv(Locale locale) {
		ConsoleGraphQl.Answer answer = this.graphQl.run("sharing", Map.of(), locale);
		Map<String, String> names = names(answer);
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(this.messages.getMessage("sharing.csv.header", null, locale)).append("\r\n");
		for (Map<String, Object> row : rows(answer)) {
			csv.append(cell(name(names, row.get("owner")))).append(',')
				.append(cell(name(names, row.get("receiver")))).append(',')
				.append(cell(row.get("channel"))).append(',')
				.append(cell(row.get("month"))).append(',')
				.append(row.get("deliveries")).append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("sharing.csv").build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/* Counts added up by label, longest first (or in label order, for months), each with its share of the most. */
	static List<Bar> bars(List<Map<String, Object>> rows, Function<Map<String, Object>, String> label,
			boolean byLabel) {
		Map<String, Long> sums = byLabel ? new TreeMap<>() : new LinkedHashMap<>();
		rows.forEach(row -> sums.merge(label.apply(row), ((Number) row.get("deliveries")).longValue(), Long::sum));
		long most = sums.values().stream().mapToLong(Long::longValue).max().orElse(1);
		var entries = sums.entrySet().stream();
		if (!byLabel) {
			entries = entries.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
		}
		return entries.map(e -> new Bar(e.getKey(), e.getValue(), Math.max(1, e.getValue() * 100 / Math.max(1, most))))
			.toList();
	}

	private static List<Map<String, Object>> rows(ConsoleGraphQl.Answer answer) {
		Map<String, Object> stats = answer.get("sharingStats");
		if (stats == null) {
			return List.of();
		}
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> rows = (List<Map<String, Object>>) stats.get("rows");
		return rows;
	}

	private static Map<String, String> names(ConsoleGraphQl.Answer answer) {
		Map<String, String> names = new LinkedHashMap<>();
		List<Map<String, Object>> members = answer.get("organizations");
		if (members != null) {
			members.forEach(m -> names.put((String) m.get("id"), (String) m.get("name")));
		}
		return names;
	}

	private static String name(Map<String, String> names, Object id) {
		return names.getOrDefault(String.valueOf(id), String.valueOf(id));
	}

	/* A CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ is kept from formulas. */
	private static String cell(Object value) {
		String text = value == null ? "" : value.toString();
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return text.matches(".*[,\"\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}
}
