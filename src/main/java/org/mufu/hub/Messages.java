package org.mufu.hub;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The words people read: keys into {@code messages.properties} (English, the fallback) and
 * {@code messages_zh_CN.properties} (Simplified Chinese, the default), resolved in the reader's locale.
 */
public final class Messages {

	/** What a client that names no language, or none the hub speaks, reads. */
	public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	/** The languages the bundles are written in. */
	public static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	/* For the few places outside a bean that answer a request before Spring MVC does (a filter's refusal). */
	private static final ResourceBundleMessageSource BUNDLE = bundle();

	private static final LocaleResolver LOCALES = localeResolver(DEFAULT_LOCALE);

	private Messages() {
	}

	/**
	 * The language of an answer: the client's Accept-Language when the hub speaks it, the default otherwise. Spring
	 * Boot's own resolver ({@code spring.web.locale-resolver: accept-header}) takes any language it is sent, so a
	 * client asking for French would read the English fallback rather than the default.
	 */
	public static LocaleResolver localeResolver(Locale defaultLocale) {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setDefaultLocale(defaultLocale);
		resolver.setSupportedLocales(SUPPORTED);
		return resolver;
	}

	/** A message in the request's language, for a filter that answers before Spring MVC resolves the locale. */
	public static String inWords(HttpServletRequest request, String key, Object... args) {
		return inWords(LOCALES.resolveLocale(request), key, args);
	}

	/** A message in the given language (the request's, as graphql-java hands it to a scalar), outside any bean. */
	public static String inWords(Locale locale, String key, Object... args) {
		return BUNDLE.getMessage(key, args, locale != null ? locale : DEFAULT_LOCALE);
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
