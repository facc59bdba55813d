package org.mufu.hub.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mufu.hub.security.Organization;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Feeds: what one member's channel app receives right now, page by page as the app sees it. Editors choose any
 * member; everyone else sees their own member's (the API refuses another's).
 */
@Controller
class FeedsController {

	/** The channel shown first: the one most members' apps read. */
	private static final String DEFAULT_CHANNEL = "WECHAT";

	private final ConsoleGraphQl graphQl;

	FeedsController(ConsoleGraphQl graphQl) {
		this.graphQl = graphQl;
	}

	@GetMapping("/console/feeds")
	String feeds(@RequestParam(required = false) String member, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String after, @RequestParam(defaultValue = "0") int from,
			@RequestAttribute(SignedIn.MEMBER) Organization mine, Locale locale, Model model) {
		boolean editor = Boolean.TRUE.equals(model.getAttribute("isEditor"));
		String chosen = editor && member != null && !member.isBlank() ? member : mine.id();
		String shown = channel == null || channel.isBlank() ? DEFAULT_CHANNEL : channel;
		Map<String, Object> variables = new java.util.HashMap<>(Map.of("memberId", chosen, "channel", shown));
		// a later page starts at the cursor the app would keep; from counts the places before it
		boolean later = after != null && !after.isBlank();
		variables.put("after", later ? after : null);
		model.addAttribute("after", later ? after : null);
		model.addAttribute("from", later ? Math.max(from, 0) : 0);
		ConsoleGraphQl.Answer answer = this.graphQl.run("feeds", variables, locale);
		List<Map<String, Object>> channels = answer.get("channels");
		model.addAttribute("members", editor ? answer.get("organizations") : List.of(Map.of("id", mine.id(), "name",
				mine.name())));
		model.addAttribute("channels", channels);
		model.addAttribute("member", chosen);
		model.addAttribute("channel", shown);
		model.addAttribute("feed", answer.get("feedPreview"));
		model.addAttribute("problems", answer.problems());
		return Boolean.TRUE.equals(model.getAttribute("htmx")) ? "console/feeds :: feed" : "console/feeds";
	}
}
