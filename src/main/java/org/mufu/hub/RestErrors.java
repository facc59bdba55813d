package org.mufu.hub;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

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
	ResponseEntity<Map<String, String>> handle(Exception ex, Locale locale) {
		Errors.Described described = Errors.describe(ex, this.messages, locale);
		if (described == null) {
			described = Errors.unexpected(ex, this.messages, locale);
		}
		return ResponseEntity.status(described.kind().status())
			.body(Map.of("error", described.kind().name(), "message", described.message()));
	}
}
