package org.mufu.hub.console;

import java.util.LinkedHashMap;
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
 * Administration (ADMIN only, by the console's security chain and again by the API): members admitted and the
 * chair moved, people invited, disabled and given new passwords, channel-app credentials issued and revoked. A
 * one-time password or a token is shown in the answer to the form that made it, once; nothing keeps it.
 */
@Controller
class AdminController {

	static final List<String> MEMBER_KINDS = List.of("MEDIA_CENTRE", "SCENIC_AREA", "TOURISM_BUREAU", "TRAVEL_AGENCY");

	private final ConsoleGraphQl graphQl;

	AdminController(ConsoleGraphQl graphQl) {
		this.graphQl = graphQl;
	}

	@GetMapping("/console/admin")
	String admin(@RequestParam(required = false) String done, Locale locale, Model model) {
		model.addAttribute("done", done != null && done.matches("[a-zA-Z]+") ? done : null);
		return page(List.of(), locale, model);
	}

	@PostMapping("/console/admin/members")
	String admit(@RequestParam Map<String, String> form, Locale locale, Model model) {
		Map<String, Object> input = new LinkedHashMap<>();
		for (String field : List.of("id", "name", "englishName", "county", "province", "kind", "contact", "timeZone")) {
			String value = form.get(field);
			input.put(field, value == null || value.isBlank() ? null : value.strip());
		}
		return act("admitMember", Map.of("input", input), "admitted#members-heading", locale, model);
	}

	@PostMapping("/console/admin/chair")
	String moveChair(@RequestParam String memberId, Locale locale, Model model) {
		return act("moveChair", Map.of("memberId", memberId), "chairMoved#members-heading", locale, model);
	}

	@PostMapping("/console/admin/people")
	String invite(@RequestParam String login, @RequestParam String name, @RequestParam String memberId,
			@RequestParam String role, Locale locale, Model model) {
		ConsoleGraphQl.Answer answer = this.graphQl.run("invitePerson",
				Map.of("login", login.strip(), "name", name.strip(), "memberId", memberId, "role", role), locale);
		model.addAttribute("oneTime", answer.get("invitePerson"));
		return page(answer.problems(), locale, model);
	}

	@PostMapping("/console/admin/people/{login}/disabled")
	String setDisabled(@PathVariable String login, @RequestParam boolean disabled, Locale locale, Model model) {
		return act("setPersonDisabled", Map.of("login", login, "disabled", disabled),
				(disabled ? "disabled" : "enabled") + "#people-heading", locale, model);
	}

	@PostMapping("/console/admin/people/{login}/password")
	String resetPassword(@PathVariable String login, Locale locale, Model model) {
		ConsoleGraphQl.Answer answer = this.graphQl.run("resetPassword", Map.of("login", login), locale);
		model.addAttribute("oneTime", answer.get("resetPassword"));
		return page(answer.problems(), locale, model);
	}

	@PostMapping("/console/admin/credentials")
	String issue(@RequestParam String memberId, @RequestParam String name,
			@RequestParam(defaultValue = "90") int ttlDays, Locale locale, Model model) {
		ConsoleGraphQl.Answer answer = this.graphQl.run("issueCredential",
				Map.of("memberId", memberId, "name", name.strip(), "ttlDays", ttlDays), locale);
		model.addAttribute("issued", answer.get("issueCredential"));
		return page(answer.problems(), locale, model);
	}

	@PostMapping("/console/admin/credentials/{id}/revoke")
	String revoke(@PathVariable String id, Locale locale, Model model) {
		return act("revokeCredential", Map.of("id", id), "revoked#credentials-heading", locale, model);
	}

	/* A change that shows nothing secret: after it, the page is asked for again, so reloading it changes nothing. */
	private String act(String document, Map<String, Object> variables, String done, Locale locale, Model model) {
		ConsoleGraphQl.Answer answer = this.graphQl.run(document, variables, locale);
		if (answer.ok()) {
			return "redirect:/console/admin?done=" + done;
		}
		model.addAttribute("form", variables.get("input"));
		return page(answer.problems(), locale, model);
	}

	private String page(List<ConsoleGraphQl.Problem> problems, Locale locale, Model model) {
		ConsoleGraphQl.Answer answer = this.graphQl.run("admin", Map.of(), locale);
		model.addAttribute("members", answer.get("organizations"));
		List<Map<String, Object>> people = answer.get("people");
		model.addAttribute("people", people);
		model.addAttribute("personNames", personNames(people));
		model.addAttribute("credentials", answer.get("credentials"));
		model.addAttribute("memberKinds", MEMBER_KINDS);
		model.addAttribute("roles", List.of("UPLOADER", "EDITOR", "ADMIN"));
		List<ConsoleGraphQl.Problem> all = new java.util.ArrayList<>(problems);
		all.addAll(answer.problems());
		model.addAttribute("problems", all);
		return "console/admin";
	}

	/* Who made a person or a credential, by their name rather than their sign-in. */
	private static Map<Object, Object> personNames(List<Map<String, Object>> people) {
		Map<Object, Object> names = new java.util.HashMap<>();
		if (people != null) {
			people.forEach(person -> names.put(person.get("login"), person.get("name")));
		}
		return names;
	}
}
