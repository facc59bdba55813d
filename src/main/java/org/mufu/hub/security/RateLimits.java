package org.mufu.hub.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mufu.hub.Messages;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token buckets (Bucket4j) per network address and per token, and a count of refused tokens per address: a caller
 * past its rate gets {@code 429} with {@code Retry-After}, before the request costs the hub or the engine anything.
 * Two filters share the buckets: one before authentication (addresses, refused tokens) and one after it (tokens).
 */
final class RateLimits {

	private static final Log logger = LogFactory.getLog(RateLimits.class);

	private final RateLimitProperties limits;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	RateLimits(RateLimitProperties limits) {
		this.limits = limits;
	}

	/** Before authentication: the address's rate, and whether it has sent too many refused tokens of late. */
	OncePerRequestFilter beforeAuthentication() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				String address = request.getRemoteAddr();
				Bucket failures = failures(address);
				if (failures.getAvailableTokens() <= 0) {
					refuse(request, response, failures.estimateAbilityToConsume(1).getNanosToWaitForRefill(),
							"limits.refused-tokens");
					return;
				}
				if (!take(request, response, bucket("a:" + address, RateLimits.this.limits.perAddress(),
						RateLimits.this.limits.perAddressBurst()), "limits.address-too-fast")) {
					return;
				}
				if (signIn(request) && !take(request, response, signIns(address), "limits.sign-ins-too-fast")) {
					return;
				}
				chain.doFilter(request, response);
				if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
					failures.tryConsume(1);
				}
			}

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return !RateLimits.this.limits.enabled();
			}
		};
	}

	/** After authentication: the token's rate. */
	OncePerRequestFilter afterAuthentication() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (authentication instanceof CallerAuthentication caller && !take(request, response,
						bucket("t:" + caller.getName() + ":" + tokenId(caller), RateLimits.this.limits.perToken(),
								RateLimits.this.limits.perTokenBurst()), "limits.token-too-fast")) {
					return;
				}
				chain.doFilter(request, response);
			}

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return !RateLimits.this.limits.enabled();
			}
		};
	}

	/* one bucket per token, not per member: a county's apps and staff each have their own */
	private static String tokenId(CallerAuthentication caller) {
		if (caller.getCredentials() == null) {
			return caller.getPrincipal().role().name();
		}
		String id = caller.getCredentials().getId();
		return id != null ? id : Integer.toHexString(caller.getCredentials().getTokenValue().hashCode());
	}

	private boolean take(HttpServletRequest request, HttpServletResponse response, Bucket bucket, String refusal)
			throws IOException {
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return true;
		}
		refuse(request, response, probe.getNanosToWaitForRefill(), refusal);
		return false;
	}

	private Bucket bucket(String key, int perSecond, int burst) {
		return this.buckets.get(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
			.build());
	}

	private static boolean signIn(HttpServletRequest request) {
		return "POST".equals(request.getMethod())
				&& request.getRequestURI().equals(request.getContextPath() + "/login");
	}

	private Bucket signIns(String address) {
		return this.buckets.get("s:" + address, k -> Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.limits.signIns())
				.refillGreedy(this.limits.signIns(), Duration.ofMinutes(1))
				.build())
			.build());
	}

	private Bucket failures(String address) {
		return this.buckets.get("f:" + address, k -> Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.limits.failedTokens())
				.refillIntervally(this.limits.failedTokens(), this.limits.failedTokensWindow())
				.build())
			.build());
	}

	/* the message in the request's language: these filters answer before Spring MVC resolves a locale */
	private static void refuse(HttpServletRequest request, HttpServletResponse response, long nanosToWait,
			String key) throws IOException {
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait) + 1);
		logger.debug("429 (" + key + "), retry after " + seconds + " s");
		String message = Messages.inWords(request, key);
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(seconds));
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"error\":\"TOO_MANY_REQUESTS\",\"message\":\""
					+ message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
	}
}
