package org.mufu.hub.console;

import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mufu.hub.security.Organization;
import org.mufu.hub.security.Person;
import org.mufu.hub.security.Role;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The review queue: items in review, and published items whose changes are, longest waiting first (by when they
 * were submitted), with who submitted them and when; each approved and published
 * to chosen channels now or at a local time, or sent back with a note. Published items are withdrawn with a reason
 * here, and withdrawn ones reopened. A refused publish shows each channel's reasons beside the item.
 */
@Controller
class ReviewController {

	private final ConsoleGraphQl graphQl;

	ReviewController(ConsoleGraphQl graphQl) {
		this.graphQl = graphQl;
	}

	/** Reviewing is editors' work: the page is not shown to others (the API would refuse their every step). */
	@ModelAttribute
	void editorsOnly(@RequestAttribute(SignedIn.PERSON) Person person) {
		if (person.role() != Role.EDITOR && person.role() != Role.ADMIN) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	@GetMapping("/console/review")
	String review(@RequestParam(required = false) String done, @RequestParam(required = false) String title,
			@RequestParam(required = false) String item, @RequestParam(required = false) String after,
			@RequestParam(required = false) String publishedAfter, @RequestParam(defaultValue = "0") int from,
			Locale locale, Model model) {
		model.addAttribute("after", after == null || after.isBlank() ? null : after);
		model.addAttribute("publishedAfter", publishedAfter == null || publishedAfter.isBlank() ? null : publishedAfter);
		// how many waiting items stand before this page, for "51 to 52 of 52"
		model.addAttribute("from", after == null || after.isBlank() ? 0 : Math.max(from, 0));
		model.addAttribute("done", done);
		model.addAttribute("doneTitle", title);
		model.addAttribute("actedOn", item != null && item.matches("[0-9a-z]+") ? item : null);
		String view = page(List.of(), locale, model);
		// said beside the item when it is still on the page (a reopened one has left it), else at the top
		Map<?, ?> steps = (Map<?, ?>) model.getAttribute("steps");
		model.addAttribute("doneItem", item != null && steps.containsKey(item) ? item : null);
		return view;
	}

	@PostMapping("/console/review/{id}/publish")
	String publish(@PathVariable String id, @RequestParam(required = false) List<String> channels,
			@RequestParam(defaultValue = "now") String when, @RequestParam(required = false) String publishAt,
			@RequestAttribute(SignedIn.MEMBER) Organization member, Locale locale, Model model) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("id", id);
		variables.put("channels", channels != null ? channels : List.of());
		if ("later".equals(when)) {
			try {
				variables.put("publishAt", Times.fromInput(publishAt, member.timeZone()));
			}
			catch (DateTimeParseException ex) {
				model.addAttribute("badTime", id);
				return page(List.of(), locale, model);
			}
		}
		ConsoleGraphQl.Answer answer = this.graphQl.run("publish", variables, locale);
		Map<String, Object> outcome = answer.get("publish");
		if (outcome != null && "NotReady".equals(outcome.get("__typename"))) {
			model.addAttribute("notReady", outcome);
			model.addAttribute("chosen", variables.get("channels"));
			return page(answer.problems(), locale, model);
		}
		boolean scheduled = variables.get("publishAt") != null;
		return done(answer, scheduled ? "scheduled" : "published", outcome != null ? outcome.get("content") : null,
				locale, model);
	}

	@PostMapping("/console/review/{id}/changes")
	String requestChanges(@PathVariable String id, @RequestParam String note, Locale locale, Model model) {
		ConsoleGraphQl.Answer answer = this.graphQl.run("requestChanges", Map.of("id", id, "note", note), locale);
		return done(answer, "sentBack", answer.get("requestChanges"), locale, model);
	}

	@PostMapping("/console/review/{id}/withdraw")
	String withdraw(@PathVariable String id, @RequestParam String reason, Locale locale, Model model) {
		ConsoleGraphQl.Answer answer = this.graphQl.run("withdraw", Map.of("id", id, "reason", reason), locale);
		return done(answer, "withdrawn", answer.get("withdraw"), locale, model);
	}

	@PostMapping("/console/review/{id}/reopen")
	String reopen(@PathVariable String id, Locale locale, Model model) {
		ConsoleGraphQl.Answer answer = this.graphQl.run("reopen", Map.of("id", id), locale);
		return done(answer, "reopened", answer.get("reopen"), locale, model);
	}

	/* After a change the queue is asked for again (a reload changes nothing); a refusal is shown on the page. */
	private String done(ConsoleGraphQl.Answer answer, String done, Object content, Locale locale, Model model) {
		if (!answer.ok() || !(content instanceof Map<?, ?> item)) {
			return page(answer.problems(), locale, model);
		}
		// the page opens at the item just acted on, marked, so the person sees where it went
		return "redirect:/console/review?done=" + done + "&item=" + item.get("id") + "&title="
				+ java.net.URLEncoder.encode(String.valueOf(item.get("title")), java.nio.charset.StandardCharsets.UTF_8)
				+ "#item-" + item.get("id");
	}

	private String page(List<ConsoleGraphQl.Problem> problems, Locale locale, Model model) {
		// the pages the lists are on (the first after a change): cursors the API gave out, passed back as they came
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("after", model.getAttribute("after"));
		variables.put("publishedAfter", model.getAttribute("publishedAfter"));
		ConsoleGraphQl.Answer answer = this.graphQl.run("review", variables, locale);
		model.addAttribute("waiting", answer.get("waiting"));
		model.addAttribute("published", answer.get("published"));
		model.addAttribute("withdrawn", answer.get("withdrawn"));
		model.addAttribute("channels", answer.get("channels"));
		model.addAttribute("steps", steps(answer));
		model.addAttribute("changes", changes(answer.get("waiting"), locale));
		if (model.getAttribute("from") == null) {
			model.addAttribute("from", 0);
		}
		List<ConsoleGraphQl.Problem> all = new java.util.ArrayList<>(problems);
		all.addAll(answer.problems());
		model.addAttribute("problems", all);
		return "console/review";
	}

	/*
	 * The changes waiting beside published items, by item: the queue's items come from the index, which keeps the
	 * published version only, and an editor approving changes wants to see what they are.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> changes(Map<String, Object> waiting, Locale locale) {
		Map<String, Object> changes = new LinkedHashMap<>();
		if (waiting == null) {
			return changes;
		}
		for (Map<String, Object> edge : (List<Map<String, Object>>) waiting.get("edges")) {
			Map<String, Object> item = (Map<String, Object>) edge.get("node");
			if ("PUBLISHED".equals(item.get("status"))) {
				Map<String, Object> content = this.graphQl.run("review-changes", Map.of("id", item.get("id")), locale)
					.get("content");
				if (content != null && content.get("pending") != null) {
					changes.put((String) item.get("id"), content.get("pending"));
				}
			}
		}
		return changes;
	}

	/* Per item, the step that put it where it is now: who submitted, published or withdrew it, when, and why. */
	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> steps(ConsoleGraphQl.Answer answer) {
		Map<String, Map<String, Object>> steps = new LinkedHashMap<>();
		// what waits says who submitted it in its own field (submitted): the steps are the others'
		for (String list : List.of("published", "withdrawn")) {
			Map<String, Object> result = answer.get(list);
			if (result == null) {
				continue;
			}
			for (Map<String, Object> edge : (List<Map<String, Object>>) result.get("edges")) {
				Map<String, Object> item = (Map<String, Object>) edge.get("node");
				List<Map<String, Object>> history = (List<Map<String, Object>>) item.get("history");
				history.stream()
					.filter(step -> item.get("status").equals(step.get("to")))
					.reduce((first, second) -> second)
					.ifPresent(step -> steps.put((String) item.get("id"), step));
			}
		}
		return steps;
	}
}
