package org.mufu.hub;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.index.IndexUnavailableException;
import org.mufu.hub.storage.StorageUnavailableException;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;

/**
 * The one place that turns an exception into what a person is told: a kind and a plain message. A client's
 * mistake (a 4xx) is logged at DEBUG in one line; only the hub's own failures are logged as such.
 */
final class Errors {

	private static final Log logger = LogFactory.getLog(Errors.class);

	private Errors() {
	}

	record Described(ErrorKind kind, String message) {
	}

	/** Null when the exception is none the hub knows how to describe. */
	static Described describe(Throwable ex) {
		if (ex instanceof HubException hub) {
			if (hub.kind().status().is4xxClientError()) {
				return clientMistake(hub.kind(), hub.getMessage(), ex);
			}
			if (hub.getCause() != null) {
				logger.warn(hub.getMessage(), hub.getCause());
			}
			return new Described(hub.kind(), hub.getMessage());
		}
		if (ex instanceof StorageUnavailableException) {
			logger.error(ex.getMessage(), ex);
			return new Described(ErrorKind.STORAGE_UNAVAILABLE,
					"The hub's file storage is not answering; nothing was changed. Try again in a minute.");
		}
		if (ex instanceof AccessDeniedException) {
			return clientMistake(ErrorKind.FORBIDDEN, "Your role may not do this.", ex);
		}
		if (ex instanceof IndexUnavailableException) {
			logger.error("Elasticsearch failed", ex);
			return new Described(ErrorKind.INDEX_UNAVAILABLE,
					"The hub's search index is not answering. Try again in a minute.");
		}
		if (ex instanceof HttpMessageNotReadableException) {
			return clientMistake(ErrorKind.BAD_REQUEST, "The request body is not one JSON object such as "
					+ "{\"query\": \"{ hub { version } }\", \"variables\": {}}; batches (JSON arrays) are not taken.", ex);
		}
		if (ex instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
			return switch (response.getStatusCode().value()) {
				case 404 -> clientMistake(ErrorKind.NOT_FOUND, "There is nothing at this address.", ex);
				case 405 -> clientMistake(ErrorKind.METHOD_NOT_ALLOWED, "This address does not take this method.", ex);
				case 413 -> clientMistake(ErrorKind.TOO_LARGE, "The request is larger than this address takes.", ex);
				case 415 -> clientMistake(ErrorKind.UNSUPPORTED_MEDIA, "This address does not take this content type.",
						ex);
				default -> clientMistake(ErrorKind.BAD_REQUEST, "The request is not one this address can read; a "
						+ "GraphQL request is one JSON object with a \"query\".", ex);
			};
		}
		return null;
	}

	static Described unexpected(Throwable ex) {
		logger.error("Unexpected failure", ex);
		return new Described(ErrorKind.INTERNAL_ERROR, "Something went wrong on the hub; the error has been logged.");
	}

	private static Described clientMistake(ErrorKind kind, String message, Throwable ex) {
		if (logger.isDebugEnabled()) {
			logger.debug(kind + " (" + ex.getClass().getSimpleName() + "): " + message);
		}
		return new Described(kind, message);
	}
}
