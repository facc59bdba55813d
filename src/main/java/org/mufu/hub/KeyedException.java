package org.mufu.hub;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A failure whose words are a message key and its arguments in the bundles, put into words only when it is
 * described, in the reader's language. Each package throws its own kind of it; {@link Errors} says what kind of
 * error each one is.
 */
public abstract class KeyedException extends RuntimeException implements MessageSourceResolvable {

	/** English words for logs and operators' command-line output; answers are resolved in the request's locale. */
	private static final ResourceBundleMessageSource ENGLISH = Messages.bundle();

	private final String key;

	private final Object[] args;

	protected KeyedException(Throwable cause, String key, Object... args) {
		super(key, cause);
		this.key = key;
		this.args = args.clone();
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
}
