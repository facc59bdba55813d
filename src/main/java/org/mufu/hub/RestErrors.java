package org.mufu.hub;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The REST endpoints' answer to a failure: the same kinds and messages as GraphQL errors. */
@RestControllerAdvice
class RestErrors {

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, String>> handle(Exception ex) {
		Errors.Described described = Errors.describe(ex);
		if (described == null) {
			described = Errors.unexpected(ex);
		}
		return ResponseEntity.status(described.kind().status())
			.body(Map.of("error", described.kind().name(), "message", described.message()));
	}
}
