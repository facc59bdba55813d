package org.mufu.hub;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The words people read: keys into {@code messages.properties} (English, the fallback) and
 * {@code messages_zh_CN.properties} (Simplified Chinese, the default), resolved in the reader's locale.
 */
public final class Messages {

	/** What a client that names no language, or none the hub speaks, reads. */
	public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	/** The languages the bundles are written in. */
	public static final java.util.List<Locale> SUPPORTED = java.util.List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private Messages() {
	}

	/** A phrase to be put into words later, e.g. a channel's name inside a reason. */
	public static MessageSourceResolvable of(String key, Object... args) {
		return new DefaultMessageSourceResolvable(new String[] { key }, args);
	}

	/** A phrase with the text to use when the bundles have no such key (a configured name, say). */
	public static MessageSourceResolvable orElse(String key, String otherwise) {
		return new DefaultMessageSourceResolvable(new String[] { key }, null, otherwise);
	}

	/** The bundles as Spring Boot's {@code spring.messages} configures them, for use outside a request. */
	static ResourceBundleMessageSource bundle() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding(StandardCharsets.UTF_8.name());
		source.setFallbackToSystemLocale(false);
		source.setAlwaysUseMessageFormat(true);
		return source;
	}
}
