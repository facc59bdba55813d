package org.mufu.hub.console;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.mufu.hub.security.Organization;
import org.mufu.hub.security.Person;
import org.mufu.hub.security.Role;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows around its own part: who is signed in, for which member, in which language. */
@ControllerAdvice(basePackageClasses = ConsolePages.class)
class ConsolePages {

	@ModelAttribute
	void around(HttpServletRequest request, org.springframework.ui.Model model) {
		if (request.getAttribute(SignedIn.PERSON) instanceof Person person) {
			Organization member = (Organization) request.getAttribute(SignedIn.MEMBER);
			model.addAttribute("me", person);
			model.addAttribute("myMember", member);
			model.addAttribute("isEditor", person.role() == Role.EDITOR || person.role() == Role.ADMIN);
			model.addAttribute("isAdmin", person.role() == Role.ADMIN);
		}
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("english", locale.getLanguage().equals("en"));
		model.addAttribute("path", request.getRequestURI());
		model.addAttribute("htmx", request.getHeader("HX-Request") != null);
	}
}
