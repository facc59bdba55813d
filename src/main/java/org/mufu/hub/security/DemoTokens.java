package org.mufu.hub.security;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs one ready-to-paste token per role at start, so a newcomer can try GraphiQL at once. */
@Component
class DemoTokens {

	private static final Log logger = LogFactory.getLog(DemoTokens.class);

	private static final Duration TTL = Duration.ofHours(12);

	private final TokenService tokens;

	private final OrganizationDirectory members;

	private final SecurityProperties properties;

	DemoTokens(TokenService tokens, OrganizationDirectory members, SecurityProperties properties) {
		this.tokens = tokens;
		this.members = members;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void log() {
		if (!this.properties.logDemoTokens() || this.members.all().isEmpty()) {
			return;
		}
		String org = this.members.all().get(0).id();
		StringBuilder text = new StringBuilder("Tokens for trying the hub (valid 12 hours; in GraphiQL open Headers and paste "
				+ "{\"Authorization\": \"Bearer <token>\"}):");
		for (Role role : Role.values()) {
			text.append(System.lineSeparator())
				.append(String.format("  %-8s %-9s %s", role, org, this.tokens.issue(org, role, TTL)));
		}
		logger.info(text);
	}
}
