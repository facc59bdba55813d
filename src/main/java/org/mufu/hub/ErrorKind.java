package org.mufu.hub;

import graphql.ErrorClassification;

import org.springframework.http.HttpStatus;

/** How a refused or failed request is classified, in GraphQL errors and in REST answers alike. */
public enum ErrorKind implements ErrorClassification {

	BAD_REQUEST(HttpStatus.BAD_REQUEST),
	UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
	FORBIDDEN(HttpStatus.FORBIDDEN),
	NOT_FOUND(HttpStatus.NOT_FOUND),
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
	CONFLICT(HttpStatus.CONFLICT),
	UNSUPPORTED_MEDIA(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
	TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
	TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS),
	STORAGE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
	INDEX_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

	private final HttpStatus status;

	ErrorKind(HttpStatus status) {
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}
}
