package org.mufu.hub.index;

/** Elasticsearch could not be reached or refused a request it should have accepted. */
public class IndexUnavailableException extends RuntimeException {

	public IndexUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
