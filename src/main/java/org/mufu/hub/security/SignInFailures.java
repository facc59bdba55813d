package org.mufu.hub.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the sign-in page, saying why in words the page looks up: wrong, locked or disabled; the name tried is
 * kept in the session for the page to fill in once, so only the password is typed again.
 */
public final class SignInFailures implements AuthenticationFailureHandler {

	/** The session attribute holding the sign-in name last tried, until the sign-in page shows it. */
	public static final String TRIED_NAME = SignInFailures.class.getName() + ".tried";

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = exception instanceof LockedException ? "locked"
				: exception instanceof DisabledException ? "disabled" : "wrong";
		String tried = request.getParameter("username");
		if (tried != null && !tried.isBlank() && tried.length() <= 64) {
			request.getSession().setAttribute(TRIED_NAME, tried.strip());
		}
		response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
	}
}
