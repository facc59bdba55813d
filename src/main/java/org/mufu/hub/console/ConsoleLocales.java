package org.mufu.hub.console;

import java.util.Locale;

import org.mufu.hub.Messages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * Which language a person reads: the one they chose (kept in the session and their record, {@code ?lang=en} or
 * {@code ?lang=zh-CN}), else {@code Accept-Language} when the hub speaks it, else Simplified Chinese. API requests,
 * which have no session, take the same rule ({@link Messages#localeResolver}).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleLocales implements WebMvcConfigurer {

	static final Locale CHINESE = Messages.DEFAULT_LOCALE;

	@Bean
	LocaleResolver localeResolver() {
		SessionLocaleResolver resolver = new SessionLocaleResolver();
		LocaleResolver byHeader = Messages.localeResolver(Messages.DEFAULT_LOCALE);
		resolver.setDefaultLocaleFunction(byHeader::resolveLocale);
		return resolver;
	}

	private final SignedIn signedIn;

	ConsoleLocales(SignedIn signedIn) {
		this.signedIn = signedIn;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
			@Override
			protected Locale parseLocaleValue(String localeValue) {
				Locale asked = Locale.forLanguageTag(localeValue);
				return asked.getLanguage().equals("en") ? Locale.ENGLISH : CHINESE;
			}
		};
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change).addPathPatterns("/console/**", "/login");
		registry.addInterceptor(this.signedIn).addPathPatterns("/console/**").excludePathPatterns("/console/static/**");
	}
}
