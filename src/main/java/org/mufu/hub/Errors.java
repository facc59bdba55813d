package org.mufu.hub;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.index.IndexUnavailableException;
import org.mufu.hub.storage.StorageUnavailableException;

import org.springframework.security.access.AccessDeniedException;

/** The one place that turns an exception into what a person is told: a kind and a plain message. */
final class Errors {

	private static final Log logger = LogFactory.getLog(Errors.class);

	private Errors() {
	}

	record Described(ErrorKind kind, String message) {
	}

	/** Null when the exception is none the hub knows how to describe. */
	static Described describe(Throwable ex) {
		if (ex instanceof HubException hub) {
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
			return new Described(ErrorKind.FORBIDDEN, "Your role may not do this.");
		}
		if (ex instanceof IndexUnavailableException) {
			logger.error("Elasticsearch failed", ex);
			return new Described(ErrorKind.INDEX_UNAVAILABLE,
					"The hub's search index is not answering. Try again in a minute.");
		}
		return null;
	}

	static Described unexpected(Throwable ex) {
		logger.error("Unexpected failure", ex);
		return new Described(ErrorKind.INTERNAL_ERROR, "Something went wrong on the hub; the error has been logged.");
	}
}
