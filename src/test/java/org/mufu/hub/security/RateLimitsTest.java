package org.mufu.hub.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate limits' rules, on requests that reach the filters as they would from a network address. */
class RateLimitsTest {

	private final RateLimits limits = new RateLimits(
			new RateLimitProperties(true, 3, 3, 5, 5, 2, Duration.ofMinutes(1), 3));

	private final AtomicInteger reached = new AtomicInteger();

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anAddressPastItsBurstIsToldToWait() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(before("10.0.0.1", HttpServletResponse.SC_OK).getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = before("10.0.0.1", HttpServletResponse.SC_OK);

		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 2L);
		assertThat(refused.getContentAsString()).contains("TOO_MANY_REQUESTS");
		assertThat(this.reached).hasValue(5);
		// another address is not held back by the first
		assertThat(before("10.0.0.2", HttpServletResponse.SC_OK).getStatus()).isEqualTo(200);
	}

	@Test
	void anAddressSendingRefusedTokensIsStoppedBeforeItsTokensAreChecked() throws Exception {
		before("10.0.0.3", HttpServletResponse.SC_UNAUTHORIZED);
		before("10.0.0.3", HttpServletResponse.SC_UNAUTHORIZED);

		MockHttpServletResponse refused = before("10.0.0.3", HttpServletResponse.SC_OK);

		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentAsString()).contains("被拒绝的令牌太多");
		assertThat(this.reached).hasValue(2);
	}

	@Test
	void eachTokenHasItsOwnRate() throws Exception {
		Caller app = new Caller("tongcheng", Role.CHANNEL);
		for (int i = 0; i < 3; i++) {
			assertThat(after(app).getStatus()).isEqualTo(200);
		}
		assertThat(after(app).getStatus()).isEqualTo(429);
		assertThat(after(new Caller("tongcheng", Role.EDITOR)).getStatus()).isEqualTo(200);
	}

	@Test
	void signInAttemptsFromOneAddressAreCountedApart() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(before("10.0.0.4", "/login", HttpServletResponse.SC_FOUND).getStatus()).isEqualTo(302);
		}
		MockHttpServletResponse refused = before("10.0.0.4", "/login", HttpServletResponse.SC_FOUND);

		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentAsString()).contains("登录尝试太多");
		// the address's other requests go on
		assertThat(before("10.0.0.4", HttpServletResponse.SC_OK).getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse before(String address, int answer) throws Exception {
		return before(address, "/graphql", answer);
	}

	private MockHttpServletResponse before(String address, String path, int answer) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain chain = (req, res) -> {
			this.reached.incrementAndGet();
			((HttpServletResponse) res).setStatus(answer);
		};
		this.limits.beforeAuthentication().doFilter(request, response, chain);
		return response;
	}

	private MockHttpServletResponse after(Caller caller) throws Exception {
		SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller, null));
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.limits.afterAuthentication().doFilter(new MockHttpServletRequest("POST", "/graphql"), response,
				(req, res) -> ((HttpServletResponse) res).setStatus(200));
		return response;
	}
}
