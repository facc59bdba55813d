package org.mufu.hub.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests a hub takes from one token and from one network address, and how many refused tokens from one
 * address, before it answers 429. Each hub counts its own.
 *
 * @param perToken requests a second from one token, sustained
 * @param perTokenBurst requests one token may send at once
 * @param perAddress requests a second from one address, whatever the token (a county's office shares one)
 * @param perAddressBurst requests one address may send at once
 * @param failedTokens refused tokens from one address within {@code failedTokensWindow}
 * @param signIns console sign-in attempts from one address a minute: each costs a password hash's work on purpose
 */
@ConfigurationProperties("hub.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("50") int perToken,
		@DefaultValue("100") int perTokenBurst, @DefaultValue("200") int perAddress,
		@DefaultValue("400") int perAddressBurst, @DefaultValue("20") int failedTokens,
		@DefaultValue("1m") Duration failedTokensWindow, @DefaultValue("30") int signIns) {
}
