package org.mufu.hub.console;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.mufu.hub.HubException;
import org.mufu.hub.security.People;
import org.mufu.hub.security.Person;
import org.mufu.hub.security.SignInFailures;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, the console's front door, and choosing one's own password after a one-time one. */
@Controller
class SignInController {

	private final People people;

	private final MessageSource messages;

	SignInController(People people, MessageSource messages) {
		this.people = people;
		this.messages = messages;
	}

	@GetMapping("/login")
	String signIn(@RequestParam(required = false) String error, HttpServletRequest request, Model model) {
		model.addAttribute("error", error);
		HttpSession session = request.getSession(false);
		if (error != null && session != null) {
			model.addAttribute("tried", session.getAttribute(SignInFailures.TRIED_NAME));
			session.removeAttribute(SignInFailures.TRIED_NAME);
		}
		return "console/signin";
	}

	@GetMapping({ "/", "/console" })
	String home() {
		return "redirect:/console/archive";
	}

	@GetMapping("/console/password")
	String password(@RequestAttribute(SignedIn.PERSON) Person person, Model model) {
		model.addAttribute("oneTime", person.mustChangePassword());
		return "console/password";
	}

	@PostMapping("/console/password")
	String changePassword(@RequestAttribute(SignedIn.PERSON) Person person, @RequestParam String current,
			@RequestParam String chosen, @RequestParam String repeated, Locale locale, Model model) {
		model.addAttribute("oneTime", person.mustChangePassword());
		if (!chosen.equals(repeated)) {
			model.addAttribute("problem", "password.mismatch");
			return "console/password";
		}
		try {
			this.people.changePassword(person.login(), current, chosen);
		}
		catch (HubException ex) {
			model.addAttribute("problemText", this.messages.getMessage(ex, locale));
			return "console/password";
		}
		return "redirect:/console/archive?passwordChanged";
	}
}
