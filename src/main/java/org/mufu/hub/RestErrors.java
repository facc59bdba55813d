package org.mufu.hub;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;

/**
 * The REST endpoints' answer to a failure: the same kinds and messages as GraphQL errors, in the request's language.
 */
@RestControllerAdvice
class RestErrors {

	private final MessageSource messages;

	RestErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(Exception.class)
	Object handle(Exception ex, Locale locale, HttpServletRequest request) {
		Errors.Described described = Errors.describe(ex, this.messages, locale);
		if (described == null) {
			described = Errors.unexpected(ex, this.messages, locale);
		}
		if (forPeople(request)) {
			ModelAndView page = new ModelAndView("console/error", HttpStatus.valueOf(described.kind().status().value()));
			page.addObject("kind", described.kind().name());
			page.addObject("message", described.message());
			return page;
		}
		return ResponseEntity.status(described.kind().status())
			.body(Map.of("error", described.kind().name(), "message", described.message()));
	}

	/* A console page asked for by a browser gets a page in the person's words, not JSON. */
	private static boolean forPeople(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return request.getRequestURI().startsWith(request.getContextPath() + "/console") && accept != null
				&& accept.contains("text/html");
	}
}
