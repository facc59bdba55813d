package org.mufu.hub;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A request the hub refuses or cannot carry out: a kind and a message key with its arguments, put into words
 * for county staff and editors only when the error is described, in the reader's language.
 */
public class HubException extends RuntimeException implements MessageSourceResolvable {

	/** English words for logs and operators' command-line output; answers are resolved in the request's locale. */
	private static final ResourceBundleMessageSource ENGLISH = Messages.bundle();

	private final ErrorKind kind;

	private final String key;

	private final Object[] args;

	public HubException(ErrorKind kind, String key, Object... args) {
		this(kind, null, key, args);
	}

	public HubException(ErrorKind kind, Throwable cause, String key, Object... args) {
		super(key, cause);
		this.kind = kind;
		this.key = key;
		this.args = args.clone();
	}

	public ErrorKind kind() {
		return this.kind;
	}

	/** The message key in {@code messages.properties}. */
	public String key() {
		return this.key;
	}

	public Object[] args() {
		return this.args.clone();
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.key };
	}

	@Override
	public Object[] getArguments() {
		return this.args.clone();
	}

	/** Without a key in the bundles (a refusal stored before messages were bundled) the key is its own text. */
	@Override
	public String getDefaultMessage() {
		return this.key;
	}

	/** The English text, for logs; never sent to a client as such. */
	@Override
	public String getMessage() {
		try {
			return ENGLISH.getMessage(this, Locale.ENGLISH);
		}
		catch (RuntimeException ex) {
			return this.key + " " + Arrays.toString(this.args);
		}
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
