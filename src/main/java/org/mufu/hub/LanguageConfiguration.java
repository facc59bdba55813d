package org.mufu.hub;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of an answer: the client's Accept-Language when the hub speaks it, {@code spring.web.locale}
 * (Simplified Chinese) otherwise; see {@link Messages#localeResolver}. GraphQL requests take the locale resolved
 * here too.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

	@Bean
	LocaleResolver localeResolver(WebProperties web) {
		return Messages.localeResolver(web.getLocale() != null ? web.getLocale() : Messages.DEFAULT_LOCALE);
	}
}
