package org.mufu.hub.security;

import java.util.Arrays;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
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

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, RateLimitProperties rateLimits) throws Exception {
		RateLimits limits = new RateLimits(rateLimits);
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
