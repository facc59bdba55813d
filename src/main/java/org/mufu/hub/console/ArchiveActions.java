package org.mufu.hub.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the archive does to many at once: tag, widen or narrow, submit or delete the chosen items; add keywords
 * to, share or stop sharing the chosen files; and saving a search. Each item is changed through the API on its
 * own, so one refused (another member's, changed meanwhile) is reported by name and does not stop the rest.
 */
@Controller
class ArchiveActions {

	/** At most one page of results is chosen at once. */
	static final int MAX_CHOSEN = 100;

	private final ConsoleGraphQl graphQl;

	ArchiveActions(ConsoleGraphQl graphQl) {
		this.graphQl = graphQl;
	}

	/** One chosen item or file and what became of it: done, or the API's reason in the person's words. */
	record Outcome(String name, boolean done, String reason) {
	}

	@PostMapping("/console/archive/items")
	String items(@RequestParam(name = "id", required = false) List<String> ids, @RequestParam String action,
			@RequestParam(defaultValue = "") String value, @RequestParam(defaultValue = "") String back,
			Locale locale, RedirectAttributes flash) {
		List<Outcome> outcomes = new ArrayList<>();
		for (String id : chosen(ids)) {
			outcomes.add(itemAction(id, action, value, locale));
		}
		flash.addFlashAttribute("outcomes", outcomes);
		return "redirect:" + safeBack(back);
	}

	@PostMapping("/console/archive/files")
	String files(@RequestParam(name = "id", required = false) List<String> ids, @RequestParam String action,
			@RequestParam(defaultValue = "") String value, @RequestParam(defaultValue = "") String back,
			Locale locale, RedirectAttributes flash) {
		Map<String, Object> changes = switch (action) {
			case "keywords" -> Map.of("addKeywords", words(value));
			case "share" -> Map.of("shareable", true);
			case "unshare" -> Map.of("shareable", false);
			default -> Map.of();
		};
		List<Outcome> outcomes = new ArrayList<>();
		List<String> chosen = chosen(ids);
		if (!chosen.isEmpty() && !changes.isEmpty()) {
			ConsoleGraphQl.Answer answer = this.graphQl.run("update-assets", Map.of("ids", chosen, "changes", changes),
					locale);
			List<Map<String, Object>> updates = answer.get("updateAssets");
			answer.problems().forEach(p -> outcomes.add(new Outcome("", false, p.message())));
			if (updates != null) {
				for (Map<String, Object> update : updates) {
					Object asset = update.get("asset");
					String name = asset instanceof Map<?, ?> a ? (String) a.get("filename") : (String) update.get("assetId");
					outcomes.add(new Outcome(name, update.get("refused") == null, (String) update.get("message")));
				}
			}
		}
		flash.addFlashAttribute("outcomes", outcomes);
		return "redirect:" + safeBack(back);
	}

	@PostMapping("/console/archive/saved")
	String save(@RequestParam String name, @RequestParam String link, Locale locale, RedirectAttributes flash) {
		ConsoleGraphQl.Answer answer = this.graphQl.run("save-search", Map.of("name", name, "link", safeBack(link)),
				locale);
		flash.addFlashAttribute("problems", answer.problems());
		return "redirect:" + safeBack(link);
	}

	@PostMapping("/console/archive/saved/delete")
	String forget(@RequestParam String name, @RequestParam(defaultValue = "") String back, Locale locale,
			RedirectAttributes flash) {
		flash.addFlashAttribute("problems", this.graphQl.run("delete-saved-search", Map.of("name", name), locale)
			.problems());
		return "redirect:" + safeBack(back);
	}

	private Outcome itemAction(String id, String action, String value, Locale locale) {
		ConsoleGraphQl.Answer state = this.graphQl.run("item-state", Map.of("id", id), locale);
		Map<String, Object> item = state.get("content");
		if (item == null) {
			return new Outcome(id, false, state.problems().isEmpty() ? "" : state.problems().get(0).message());
		}
		String title = (String) item.get("title");
		ConsoleGraphQl.Answer answer = switch (action) {
			case "tag" -> update(item, Map.of("tags", withTags(item, value)), locale);
			case "alliance" -> update(item, Map.of("visibility", "ALLIANCE"), locale);
			case "county" -> update(item, Map.of("visibility", "COUNTY"), locale);
			case "submit" -> this.graphQl.run("submit-item", Map.of("id", id), locale);
			case "delete" -> this.graphQl.run("delete-item", Map.of("id", id), locale);
			default -> null;
		};
		if (answer == null) {
			return new Outcome(title, false, "");
		}
		return answer.ok() ? new Outcome(title, true, null)
				: new Outcome(title, false, answer.problems().get(0).message());
	}

	private ConsoleGraphQl.Answer update(Map<String, Object> item, Map<String, Object> input, Locale locale) {
		return this.graphQl.run("update-item",
				Map.of("id", item.get("id"), "input", input, "expectedVersion", item.get("version")), locale);
	}

	@SuppressWarnings("unchecked")
	private static List<String> withTags(Map<String, Object> item, String value) {
		Set<String> tags = new LinkedHashSet<>((List<String>) item.get("tags"));
		tags.addAll(words(value));
		return List.copyOf(tags);
	}

	/* Tags and keywords as people type them: separated by commas (either width), semicolons or spaces. */
	static List<String> words(String value) {
		return java.util.Arrays.stream(value.split("[,，;；、\\s]+")).filter(w -> !w.isBlank()).distinct().toList();
	}

	private static List<String> chosen(List<String> ids) {
		return ids == null ? List.of() : ids.stream().filter(id -> id != null && !id.isBlank()).distinct()
			.limit(MAX_CHOSEN).toList();
	}

	/* Back to the archive page the form was sent from; never to another site. */
	static String safeBack(String back) {
		return back != null && back.startsWith("/console/archive") && !back.startsWith("//") ? back
				: "/console/archive";
	}
}
