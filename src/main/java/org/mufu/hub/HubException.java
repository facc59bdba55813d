package org.mufu.hub;

/**
 * A request the hub refuses or cannot carry out, with its kind: a message key and its arguments, put into words
 * for county staff and editors only when the error is described, in the reader's language.
 */
public class HubException extends KeyedException {

	private final ErrorKind kind;

	public HubException(ErrorKind kind, String key, Object... args) {
		this(kind, null, key, args);
	}

	public HubException(ErrorKind kind, Throwable cause, String key, Object... args) {
		super(cause, key, args);
		this.kind = kind;
	}

	public ErrorKind kind() {
		return this.kind;
	}

	public static HubException notFound(String key, Object... args) {
		return new HubException(ErrorKind.NOT_FOUND, key, args);
	}

	public static HubException badRequest(String key, Object... args) {
		return new HubException(ErrorKind.BAD_REQUEST, key, args);
	}

	public static HubException forbidden(String key, Object... args) {
		return new HubException(ErrorKind.FORBIDDEN, key, args);
	}
}
