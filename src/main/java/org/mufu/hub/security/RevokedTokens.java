package org.mufu.hub.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.storage.ObjectStorage;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The deny list of tokens: one object per revoked token in storage, {@code revoked/{token id}}, that every hub
 * reads every few seconds ({@code hub.security.revocation-refresh}, 5 s) and the revoking hub at once. Tokens
 * expire within 90 days, so the list stays as short as the tokens revoked in that time.
 */
@Component
class RevokedTokens {

	private static final Log logger = LogFactory.getLog(RevokedTokens.class);

	private static final String FOLDER = "revoked/";

	private final ObjectStorage storage;

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();

	RevokedTokens(ObjectStorage storage) {
		this.storage = storage;
	}

	boolean revoked(String tokenId) {
		return tokenId != null && this.revoked.contains(tokenId);
	}

	void revoke(String tokenId, String by) {
		this.storage.putBytes(FOLDER + tokenId, ("{\"by\":\"" + by + "\",\"at\":\"" + Instant.now() + "\"}")
			.getBytes(StandardCharsets.UTF_8), "application/json");
		this.revoked.add(tokenId);
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${hub.security.revocation-refresh:5s}")
	void refresh() {
		try {
			// added to, never replaced: a revocation stands, and one this hub made during the listing is kept
			this.storage.list(FOLDER).forEach(key -> this.revoked.add(key.substring(FOLDER.length())));
		}
		catch (RuntimeException ex) {
			logger.warn("The list of revoked tokens could not be read; the last one read stays in force ("
					+ ex.getMessage() + ")");
		}
	}
}
