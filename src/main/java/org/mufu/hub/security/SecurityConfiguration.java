package org.mufu.hub.security;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Bearer tokens on every API request; GraphiQL's page and health (UP or DOWN) stay open so a newcomer can look
 * around, the printed schema takes a staff token. What each role may do is declared on the services.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(RateLimitProperties.class)
class SecurityConfiguration {

	/**
	 * The console: people sign in with a password, then a session cookie (expiring after
	 * {@code server.servlet.session.timeout} without use) carries them, and every form and htmx request carries the
	 * session's CSRF token. {@code /media} answers the console's pictures by the session when a request brings no
	 * bearer token. Scripts and styles come only from the hub itself.
	 */
	@Bean
	@Order(1)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain console(HttpSecurity http, PasswordSignIn signIn, ObjectStorage storage, RateLimits limits)
			throws Exception {
		String storageOrigin = storage.browserOrigin();
		return http.securityMatcher(SecurityConfiguration::forConsole)
			.addFilterBefore(limits.beforeAuthentication(), UsernamePasswordAuthenticationFilter.class)
			// this provider alone: registered as well with the global manager, each attempt would be made twice
			.authenticationManager(new ProviderManager(signIn))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/console/static/**", "/webjars/**", "/favicon.ico")
				.permitAll()
				.requestMatchers("/console/admin/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.hasAnyRole(Role.UPLOADER.name(), Role.EDITOR.name(), Role.ADMIN.name()))
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", false).failureHandler(
					new SignInFailures()))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
						+ "style-src 'self'; img-src 'self' data: blob: " + storageOrigin + "; media-src 'self' "
						+ storageOrigin + "; connect-src 'self' " + storageOrigin
						+ "; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	/* Requests with a bearer token are the API's, whatever their path. */
	private static boolean forConsole(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return false;
		}
		return path.equals("/") || path.equals("/login") || path.equals("/logout") || path.equals("/favicon.ico")
				|| path.startsWith("/console") || path.startsWith("/webjars/") || path.startsWith("/media/");
	}

	/** One count per hub for the console and the API alike: an address's requests to both share its rate. */
	@Bean
	RateLimits rateLimits(RateLimitProperties properties) {
		return new RateLimits(properties);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, RateLimits limits) throws Exception {
		return http.addFilterBefore(limits.beforeAuthentication(), BearerTokenAuthenticationFilter.class)
			.addFilterAfter(limits.afterAuthentication(), BearerTokenAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/graphiql/**", "/actuator/health/**", "/actuator/info", "/error")
				.permitAll()
				// the schema is for the people writing queries, not for channel apps or anyone without a token
				.requestMatchers("/graphql/schema")
				.hasAnyRole(Role.UPLOADER.name(), Role.EDITOR.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.OPTIONS, "/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(server -> server
				.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(SecurityConfiguration::caller)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// nothing here logs in or out, and no request is replayed after a login: each one carries its token
			.csrf(csrf -> csrf.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.build();
	}

	@Bean
	JwtDecoder jwtDecoder(TokenSecret secret, OrganizationDirectory members, RevokedTokens revoked) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(secret.key()).macAlgorithm(MacAlgorithm.HS256).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(TokenService.ISSUER), memberAndRole(members), expiring()));
		return new CheckedTokens(decoder, revoked);
	}

	private static OAuth2TokenValidator<Jwt> memberAndRole(OrganizationDirectory members) {
		return jwt -> {
			String org = jwt.getClaimAsString(TokenService.ORG);
			String role = jwt.getClaimAsString(TokenService.ROLE);
			boolean knownRole = Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(role));
			return org != null && members.isMember(org) && knownRole ? OAuth2TokenValidatorResult.success()
					: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
							"The token does not name a member of the alliance and a role", null));
		};
	}

	/* A token without an end, or minted to last longer than any the hub issues, is refused, whoever signed it. */
	private static OAuth2TokenValidator<Jwt> expiring() {
		return jwt -> jwt.getExpiresAt() != null && jwt.getIssuedAt() != null
				&& !jwt.getExpiresAt().isAfter(jwt.getIssuedAt().plus(TokenService.MAX_TTL).plusSeconds(60))
						? OAuth2TokenValidatorResult.success()
						: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
								"A token must expire, at most 90 days after it was issued", null));
	}

	private static CallerAuthentication caller(Jwt jwt) {
		Caller caller = new Caller(jwt.getClaimAsString(TokenService.ORG),
				Role.valueOf(jwt.getClaimAsString(TokenService.ROLE)));
		return new CallerAuthentication(caller, jwt);
	}
}
