package org.mufu.hub.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mufu.hub.security.People;
import org.mufu.hub.security.Person;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the item page shows around the form: the stored item, its channels' readiness and previews, history. */
@Component
class ItemPage {

	private final ConsoleGraphQl graphQl;

	private final People people;

	ItemPage(ConsoleGraphQl graphQl, People people) {
		this.graphQl = graphQl;
		this.people = people;
	}

	/** Reads the item into the model; the stored item, or null when it cannot be read (problems say why). */
	Map<String, Object> show(String id, Model model, Locale locale) {
		ConsoleGraphQl.Answer answer = this.graphQl.run("item", Map.of("id", id), locale);
		Map<String, Object> content = answer.get("content");
		List<ConsoleGraphQl.Problem> problems = new ArrayList<>(answer.problems());
		if (model.getAttribute("problems") instanceof List<?> earlier) {
			earlier.forEach(p -> problems.add((ConsoleGraphQl.Problem) p));
		}
		model.addAttribute("problems", problems);
		model.addAttribute("content", content);
		if (content == null) {
			return null;
		}
		List<Map<String, Object>> readiness = answer.get("channelReadiness");
		model.addAttribute("readiness", readiness == null ? List.of() : readiness);
		model.addAttribute("reasons", ReadinessFields.byField(readiness));
		model.addAttribute("reasonsByChannel", ReadinessFields.byChannel(readiness));
		model.addAttribute("channelLabels", labels(answer.get("channels")));
		model.addAttribute("overrides", overrides(content));
		model.addAttribute("names", names(content));
		pictures(model, null, locale);
		return content;
	}

	/** The pictures the cover and picture dialogs offer: the archive's newest, or those matching the words. */
	void pictures(Model model, String query, Locale locale) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("query", ItemForm.blankToNull(query));
		ConsoleGraphQl.Answer answer = this.graphQl.run("pickAssets", variables, locale);
		Map<String, Object> found = answer.get("searchAssets");
		model.addAttribute("pictures", found == null ? List.of() : found.get("edges"));
		model.addAttribute("pictureQuery", query);
	}

	/** Each channel's label as configured, for a channel the console has no word of its own for. */
	private static Map<String, String> labels(List<Map<String, Object>> channels) {
		Map<String, String> labels = new HashMap<>();
		if (channels != null) {
			channels.forEach(c -> labels.put((String) c.get("name"),
					c.get("label") != null ? (String) c.get("label") : (String) c.get("name")));
		}
		return labels;
	}

	/** Each channel's override (title, digest, author), keyed by channel; an empty one where none is set. */
	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> overrides(Map<String, Object> content) {
		Map<String, Map<String, Object>> byChannel = new LinkedHashMap<>();
		for (Map<String, Object> override : (List<Map<String, Object>>) content.get("overrides")) {
			byChannel.put((String) override.get("channel"), override);
		}
		return byChannel;
	}

	/* History keeps sign-in names; people read each other's names. */
	@SuppressWarnings("unchecked")
	private Map<String, String> names(Map<String, Object> content) {
		Map<String, String> names = new HashMap<>();
		for (Map<String, Object> step : (List<Map<String, Object>>) content.get("history")) {
			String by = (String) step.get("by");
			names.computeIfAbsent(by, login -> this.people.find(login).map(Person::name).orElse(login));
		}
		return names;
	}
}
