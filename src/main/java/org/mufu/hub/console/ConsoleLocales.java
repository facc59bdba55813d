package org.mufu.hub.console;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * Which language a person reads: the one they chose (kept in the session and their record, {@code ?lang=en} or
 * {@code ?lang=zh-CN}), else their browser's if it asks for English, else Simplified Chinese. API requests without
 * a session follow {@code Accept-Language} the same way.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleLocales implements WebMvcConfigurer {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		SessionLocaleResolver resolver = new SessionLocaleResolver();
		resolver.setDefaultLocaleFunction(ConsoleLocales::fromHeader);
		return resolver;
	}

	/** The browser's first supported language, or Chinese when it names none the hub speaks. */
	static Locale fromHeader(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return CHINESE;
		}
		for (var languages = request.getLocales(); languages.hasMoreElements();) {
			Locale wanted = languages.nextElement();
			if (wanted.getLanguage().equals("en")) {
				return Locale.ENGLISH;
			}
			if (wanted.getLanguage().equals("zh")) {
				return CHINESE;
			}
		}
		return CHINESE;
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
