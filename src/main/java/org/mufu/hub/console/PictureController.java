package org.mufu.hub.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One picture: click it to set the point every channel's crop keeps in frame, and the crops follow at once;
 * beside it what the hub read from the file, the items using it, and the same or similar files of other members.
 */
@Controller
class PictureController {

	private final ConsoleGraphQl graphQl;

	PictureController(ConsoleGraphQl graphQl) {
		this.graphQl = graphQl;
	}

	@GetMapping("/console/assets/{id}")
	String asset(@PathVariable String id, Locale locale, Model model) {
		ConsoleGraphQl.Answer answer = this.graphQl.run("asset", Map.of("id", id), locale);
		Map<String, Object> asset = answer.get("asset");
		model.addAttribute("asset", asset);
		model.addAttribute("duplicates", answer.get("duplicatesOf"));
		model.addAttribute("similar", answer.get("similarAssets"));
		model.addAttribute("problems", asset == null ? answer.problems() : List.of());
		model.addAttribute("stamp", 0);
		return "console/asset";
	}

	/** Sets the focal point (0..1 across and down); with htmx only the crops come back, fetched anew. */
	@PostMapping("/console/assets/{id}/focus")
	String focus(@PathVariable String id, @RequestParam double x, @RequestParam double y, Locale locale,
			Model model) {
		ConsoleGraphQl.Answer answer = this.graphQl.run("focalPoint",
				Map.of("id", id, "x", clamp(x), "y", clamp(y)), locale);
		if (model.getAttribute("htmx") != Boolean.TRUE) {
			return "redirect:/console/assets/" + id;
		}
		model.addAttribute("asset", Map.of("id", id));
		model.addAttribute("problems", answer.problems());
		model.addAttribute("stamp", System.currentTimeMillis());
		return "console/asset :: crops";
	}

	private static double clamp(double value) {
		return Double.isNaN(value) ? 0.5 : Math.max(0, Math.min(1, value));
	}
}
