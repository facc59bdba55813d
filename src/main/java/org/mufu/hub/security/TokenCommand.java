package org.mufu.hub.security;

import org.springframework.boot.convert.DurationStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code java -jar mufu-hub.jar token --org tongcheng --role UPLOADER [--ttl 30d] [--hub.data-dir=...]}: prints
 * a token on its last line, read from the same configuration as the server, without starting it.
 */
public final class TokenCommand {

	private TokenCommand() {
	}

	public static int run(String[] args) {
		String org = null;
		String role = null;
		String ttl = null;
		List<String> springArgs = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--org" -> org = i + 1 < args.length ? args[++i] : null;
				case "--role" -> role = i + 1 < args.length ? args[++i] : null;
				case "--ttl" -> ttl = i + 1 < args.length ? args[++i] : null;
				default -> springArgs.add(args[i]);
			}
		}
		if (org == null || role == null) {
			System.err.println("usage: token --org <member id> --role <UPLOADER|EDITOR|CHANNEL|ADMIN> [--ttl 30d]");
			return 2;
		}
		List<String> seeded = OrganizationDirectory.seed(new com.fasterxml.jackson.databind.ObjectMapper()).stream()
			.map(Organization::id)
			.toList();
		if (!seeded.contains(org)) {
			// the command reads no storage; members admitted later get their credentials in the console
			System.err.println("'" + org + "' is not one of the alliance's first members " + seeded
					+ "; for a member admitted since, an administrator issues credentials in the console.");
			return 2;
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Tokens.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("hub.local.enabled=false", "spring.main.banner-mode=off", "logging.level.root=warn")
			.run(springArgs.toArray(String[]::new))) {
			TokenService tokens = context.getBean(TokenService.class);
			Role parsed = Role.valueOf(role.toUpperCase(Locale.ROOT));
			String token = ttl == null ? tokens.issue(org, parsed)
					: tokens.issue(org, parsed, DurationStyle.detectAndParse(ttl));
			System.out.println(token);
			return 0;
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			return 2;
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SecurityProperties.class)
	@Import({ JacksonAutoConfiguration.class, TokenSecret.class, TokenService.class })
	static class Tokens {

	}
}
