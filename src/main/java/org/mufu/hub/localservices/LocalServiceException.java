package org.mufu.hub.localservices;

/** A local service could not be prepared, started or reached; the message is meant for the person running the hub. */
public class LocalServiceException extends RuntimeException {

	LocalServiceException(String message) {
		super(message);
	}

	LocalServiceException(String message, Throwable cause) {
		super(message, cause);
	}
}
