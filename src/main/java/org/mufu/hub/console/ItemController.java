package org.mufu.hub.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;


import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The item editor: an item's fields, its cover from the archive, its body with pictures from the archive, how
 * each channel would show it and what keeps it off a channel, saving with the version it was read at (and what
 * changed meanwhile when someone else saved first), submitting for review, and its history.
 */
@Controller
class ItemController {

	private final ConsoleGraphQl graphQl;

	private final ItemPage page;

	ItemController(ConsoleGraphQl graphQl, ItemPage page) {
		this.graphQl = graphQl;
		this.page = page;
	}

	@GetMapping("/console/items/new")
	String create(Model model, Locale locale) {
		model.addAttribute("form", ItemForm.empty());
		model.addAttribute("key", UUID.randomUUID().toString());
		this.page.pictures(model, null, locale);
		return "console/item";
	}

	@PostMapping("/console/items")
	String save(@ModelAttribute ItemForm form, @RequestParam(required = false) String key, Locale locale, Model model) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("input", form.input(true));
		variables.put("key", key);
		ConsoleGraphQl.Answer answer = this.graphQl.run("createItem", variables, locale);
		if (!answer.ok()) {
			model.addAttribute("form", form);
			model.addAttribute("key", key);
			model.addAttribute("problems", answer.problems());
			this.page.pictures(model, null, locale);
			return "console/item";
		}
		Map<String, Object> created = answer.get("createContent");
		return "redirect:/console/items/" + created.get("id") + "?saved";
	}

	@GetMapping("/console/items/{id}")
	String item(@PathVariable String id, @RequestParam(required = false) String saved, Locale locale, Model model) {
		Map<String, Object> content = this.page.show(id, model, locale);
		if (content == null) {
			return "console/item";
		}
		model.addAttribute("form", ItemForm.of(content));
		model.addAttribute("version", content.get("version"));
		model.addAttribute("saved", saved != null);
		return "console/item";
	}

	@PostMapping("/console/items/{id}")
	String update(@PathVariable String id, @ModelAttribute ItemForm form, @RequestParam int expectedVersion,
			Locale locale, Model model) {
		Map<String, Object> variables = Map.of("id", id, "input", form.input(false), "expectedVersion",
				expectedVersion);
		ConsoleGraphQl.Answer answer = this.graphQl.run("updateItem", variables, locale);
		if (answer.ok()) {
			return "redirect:/console/items/" + id + "?saved";
		}
		Map<String, Object> stored = this.page.show(id, model, locale);
		model.addAttribute("form", form);
		model.addAttribute("version", expectedVersion);
		boolean conflict = answer.problems().stream().anyMatch(p -> "CONFLICT".equals(p.kind()));
		if (conflict && stored != null) {
			int storedVersion = ((Number) stored.get("version")).intValue();
			model.addAttribute("conflict", ItemConflict.between(ItemForm.of(stored), storedVersion, form));
			model.addAttribute("version", storedVersion);
		}
		else {
			model.addAttribute("problems", answer.problems());
		}
		return "console/item";
	}

	@PostMapping("/console/items/{id}/submit")
	String submit(@PathVariable String id, @RequestParam(required = false) String note, Locale locale,
			RedirectAttributes redirect) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("id", id);
		variables.put("note", ItemForm.blankToNull(note));
		ConsoleGraphQl.Answer answer = this.graphQl.run("submitItem", variables, locale);
		redirect.addFlashAttribute("problems", answer.problems());
		redirect.addFlashAttribute("submitted", answer.ok());
		return "redirect:/console/items/" + id;
	}

	@PostMapping("/console/items/{id}/overrides")
	String override(@PathVariable String id, @RequestParam String channel, @RequestParam(required = false) String title,
			@RequestParam(required = false) String digest, @RequestParam(required = false) String author,
			Locale locale, RedirectAttributes redirect) {
		Map<String, Object> override = new LinkedHashMap<>();
		override.put("title", ItemForm.blankToNull(title));
		override.put("digest", ItemForm.blankToNull(digest));
		override.put("author", ItemForm.blankToNull(author));
		ConsoleGraphQl.Answer answer = this.graphQl.run("overrideItem",
				Map.of("id", id, "channel", channel, "override", override), locale);
		redirect.addFlashAttribute("problems", answer.problems());
		redirect.addFlashAttribute("overridden", answer.ok());
		return "redirect:/console/items/" + id + "#preview-" + channel;
	}

	/** The archive's pictures to choose a cover or an inline picture from, as a fragment for the dialogs. */
	@GetMapping("/console/items/pictures")
	String pictures(@RequestParam(required = false) String q, @RequestParam(defaultValue = "cover") String purpose,
			Locale locale, Model model) {
		this.page.pictures(model, q, locale);
		model.addAttribute("purpose", purpose);
		model.addAttribute("form", ItemForm.empty());
		return "console/item :: pictures";
	}

	/** Places from the gazetteer and the archive that begin with what is typed in the place field. */
	@GetMapping("/console/items/places")
	String places(@RequestParam(defaultValue = "") String placeName, Locale locale, Model model) {
		List<String> words = List.of();
		if (!placeName.isBlank() && placeName.length() <= 50) {
			ConsoleGraphQl.Answer answer = this.graphQl.run("suggest", Map.of("prefix", placeName.strip()), locale);
			words = answer.ok() ? answer.get("suggest") : List.of();
		}
		model.addAttribute("words", words);
		return "console/archive :: suggestions";
	}
}
