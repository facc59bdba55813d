package org.mufu.hub;

/** A request the hub refuses or cannot carry out, with a message written for county staff and editors. */
public class HubException extends RuntimeException {

	private final ErrorKind kind;

	public HubException(ErrorKind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public HubException(ErrorKind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	public ErrorKind kind() {
		return this.kind;
	}

	public static HubException notFound(String message) {
		return new HubException(ErrorKind.NOT_FOUND, message);
	}

	public static HubException badRequest(String message) {
		return new HubException(ErrorKind.BAD_REQUEST, message);
	}

	public static HubException forbidden(String message) {
		return new HubException(ErrorKind.FORBIDDEN, message);
	}
}
