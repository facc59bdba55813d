package org.mufu.hub.storage;

/** The S3 storage could not be reached or refused a request it should have accepted. */
public class StorageUnavailableException extends RuntimeException {

	StorageUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
