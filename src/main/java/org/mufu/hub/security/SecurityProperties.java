package org.mufu.hub.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are signed and how long they last. Without a configured secret the hub keeps one in the data
 * directory, so the {@code token} command and the server agree when they share it.
 */
@ConfigurationProperties("hub.security")
record SecurityProperties(String tokenSecret, @DefaultValue("30d") Duration tokenTtl,
		@DefaultValue("true") boolean logDemoTokens) {

	SecurityProperties {
		if (tokenTtl != null && tokenTtl.compareTo(TokenService.MAX_TTL) > 0) {
			throw new IllegalStateException("hub.security.token-ttl is " + tokenTtl + "; a token lasts at most 90 days");
		}
	}
}
