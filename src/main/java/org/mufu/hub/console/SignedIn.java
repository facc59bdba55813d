package org.mufu.hub.console;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.mufu.hub.security.Caller;
import org.mufu.hub.security.OrganizationDirectory;
import org.mufu.hub.security.People;
import org.mufu.hub.security.Person;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Before every console page: the signed-in person is read again from their record, so one disabled by an
 * administrator (on any hub) is signed out at their next click; one holding a one-time password is sent to choose
 * their own. The person and their member are then on the request for the pages.
 */
@Component
class SignedIn implements HandlerInterceptor {

	static final String PERSON = "person";

	static final String MEMBER = "member";

	private final People people;

	private final OrganizationDirectory members;

	SignedIn(People people, OrganizationDirectory members) {
		this.people = people;
		this.members = members;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		Optional<Person> person = caller().flatMap(caller -> this.people.find(caller.person()));
		if (person.isEmpty() || person.get().disabled() || !this.members.isMember(person.get().org())) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/login?error=disabled");
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (person.get().mustChangePassword() && !path.equals("/console/password")) {
			response.sendRedirect(request.getContextPath() + "/console/password");
			return false;
		}
		LocaleResolver locales = RequestContextUtils.getLocaleResolver(request);
		String chosen = request.getParameter("lang");
		if (chosen != null) {
			String tag = locales.resolveLocale(request).toLanguageTag();
			if (!tag.equals(person.get().locale())) {
				this.people.setLocale(person.get().login(), tag);
			}
		}
		else if (person.get().locale() != null && request.getSession().getAttribute(LOCALE_SET) == null) {
			locales.setLocale(request, response, Locale.forLanguageTag(person.get().locale()));
			request.getSession().setAttribute(LOCALE_SET, Boolean.TRUE);
		}
		request.setAttribute(PERSON, person.get());
		request.setAttribute(MEMBER, this.members.find(person.get().org()).orElseThrow());
		return true;
	}

	private static final String LOCALE_SET = SignedIn.class.getName() + ".locale";

	static Optional<Caller> caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof Caller caller ? Optional.of(caller)
				: Optional.empty();
	}
}
