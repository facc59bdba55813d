package org.mufu.hub;

import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.channel.NoSuchChannelException;
import org.mufu.hub.channel.UnreadablePictureException;
import org.mufu.hub.index.IndexUnavailableException;
import org.mufu.hub.metadata.MediaRefusedException;
import org.mufu.hub.storage.StorageUnavailableException;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;

/**
 * The one place that turns an exception into what a person is told: a kind and a plain message in the reader's
 * language. A client's mistake (a 4xx) is logged at DEBUG in one line, in English; only the hub's own failures are
 * logged as such.
 */
public final class Errors {

	private static final Log logger = LogFactory.getLog(Errors.class);

	private Errors() {
	}

	record Described(ErrorKind kind, String message) {
	}

	/** A kind and the key of its message, before it is put into the reader's words. */
	private record Classified(ErrorKind kind, MessageSourceResolvable message) {
	}

	/** Null when the exception is none the hub knows how to describe. */
	static Described describe(Throwable ex, MessageSource messages, Locale locale) {
		Classified classified = classify(ex);
		return classified == null ? null
				: new Described(classified.kind(), messages.getMessage(classified.message(), locale));
	}

	static Described unexpected(Throwable ex, MessageSource messages, Locale locale) {
		logger.error("Unexpected failure", ex);
		return new Described(ErrorKind.INTERNAL_ERROR, messages.getMessage("error.unexpected", null, locale));
	}

	/**
	 * The kind of a failure the hub words itself: the one place where a package's own exception, which knows
	 * nothing of HTTP or GraphQL, gets the kind a client sees.
	 */
	public static ErrorKind kindOf(KeyedException ex) {
		if (ex instanceof HubException hub) {
			return hub.kind();
		}
		if (ex instanceof MediaRefusedException refused) {
			return refused.reason() == MediaRefusedException.Reason.TOO_LARGE ? ErrorKind.TOO_LARGE
					: ErrorKind.UNSUPPORTED_MEDIA;
		}
		if (ex instanceof NoSuchChannelException) {
			return ErrorKind.BAD_REQUEST;
		}
		if (ex instanceof UnreadablePictureException) {
			return ErrorKind.UNSUPPORTED_MEDIA;
		}
		return ErrorKind.INTERNAL_ERROR;
	}

	private static Classified classify(Throwable ex) {
		if (ex instanceof KeyedException keyed) {
			ErrorKind kind = kindOf(keyed);
			if (kind.status().is4xxClientError()) {
				return clientMistake(kind, keyed, ex);
			}
			if (keyed.getCause() != null) {
				logger.warn(keyed.getMessage(), keyed.getCause());
			}
			return new Classified(kind, keyed);
		}
		if (ex instanceof StorageUnavailableException) {
			logger.error(ex.getMessage(), ex);
			return new Classified(ErrorKind.STORAGE_UNAVAILABLE, Messages.of("error.storage-unavailable"));
		}
		if (ex instanceof AccessDeniedException) {
			return clientMistake(ErrorKind.FORBIDDEN, Messages.of("error.forbidden"), ex);
		}
		if (ex instanceof IndexUnavailableException) {
			logger.error("Elasticsearch failed", ex);
			return new Classified(ErrorKind.INDEX_UNAVAILABLE, Messages.of("error.index-unavailable"));
		}
		if (ex instanceof HttpMessageNotReadableException) {
			return clientMistake(ErrorKind.BAD_REQUEST, Messages.of("error.body-not-json"), ex);
		}
		if (ex instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
			return switch (response.getStatusCode().value()) {
				case 404 -> clientMistake(ErrorKind.NOT_FOUND, Messages.of("error.no-such-address"), ex);
				case 405 -> clientMistake(ErrorKind.METHOD_NOT_ALLOWED, Messages.of("error.method-not-allowed"), ex);
				case 413 -> clientMistake(ErrorKind.TOO_LARGE, Messages.of("error.request-too-large"), ex);
				case 415 -> clientMistake(ErrorKind.UNSUPPORTED_MEDIA, Messages.of("error.unsupported-content-type"),
						ex);
				default -> clientMistake(ErrorKind.BAD_REQUEST, Messages.of("error.request-unreadable"), ex);
			};
		}
		return null;
	}

	private static Classified clientMistake(ErrorKind kind, MessageSourceResolvable message, Throwable ex) {
		if (logger.isDebugEnabled()) {
			logger.debug(kind + " (" + ex.getClass().getSimpleName() + "): "
					+ (ex instanceof KeyedException ? ex.getMessage() : message.getCodes()[0]));
		}
		return new Classified(kind, message);
	}
}
