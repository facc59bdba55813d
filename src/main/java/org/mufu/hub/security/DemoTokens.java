package org.mufu.hub.security;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs one ready-to-paste token per role at start, so a newcomer can try GraphiQL at once: only on a hub that
 * loads the demo archive, and never for ADMIN, whose token could rebuild the index or, later, change credentials;
 * an ADMIN token is minted with the {@code token} command.
 */
@Component
class DemoTokens {

	private static final Log logger = LogFactory.getLog(DemoTokens.class);

	private static final Duration TTL = Duration.ofHours(12);

	private final TokenService tokens;

	private final OrganizationDirectory members;

	private final SecurityProperties properties;

	private final boolean demoArchive;

	DemoTokens(TokenService tokens, OrganizationDirectory members, SecurityProperties properties,
			@Value("${hub.samples.load:true}") boolean demoArchive) {
		this.tokens = tokens;
		this.members = members;
		this.properties = properties;
		this.demoArchive = demoArchive;
	}

	@EventListener(ApplicationReadyEvent.class)
	void log() {
		String text = text();
		if (text != null) {
			logger.info(text);
		}
	}

	/** What is logged, or null when nothing is. */
	String text() {
		if (!this.properties.logDemoTokens() || !this.demoArchive || this.members.all().isEmpty()) {
			return null;
		}
		String org = this.members.all().get(0).id();
		StringBuilder text = new StringBuilder("Tokens for trying the hub (valid 12 hours; in GraphiQL open Headers and paste "
				+ "{\"Authorization\": \"Bearer <token>\"}; an ADMIN token comes from the token command):");
		for (Role role : Role.values()) {
			if (role != Role.ADMIN) {
				text.append(System.lineSeparator())
					.append(String.format("  %-8s %-9s %s", role, org, this.tokens.issue(org, role, TTL)));
			}
		}
		return text.toString();
	}
}
