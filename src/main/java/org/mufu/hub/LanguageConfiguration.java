package org.mufu.hub;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of an answer: the client's Accept-Language when the hub speaks it, Simplified Chinese otherwise.
 * Spring Boot's own resolver ({@code spring.web.locale-resolver: accept-header}) takes any language it is sent, so
 * a client asking for French would read the English fallback rather than the default. GraphQL requests take the
 * locale resolved here too.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

	@Bean
	LocaleResolver localeResolver(WebProperties web) {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setDefaultLocale(web.getLocale() != null ? web.getLocale() : Messages.DEFAULT_LOCALE);
		resolver.setSupportedLocales(Messages.SUPPORTED);
		return resolver;
	}
}
