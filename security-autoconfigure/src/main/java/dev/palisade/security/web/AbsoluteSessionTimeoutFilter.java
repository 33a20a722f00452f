package dev.palisade.security.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session older than the absolute timeout before its security context is read, however
 * recently it was used (the idle timeout is the session store's own). The request then goes on
 * without a signed-in user, so the UI chain sends it to the sign-in page. The session's age is
 * counted on this filter's clock from the first request that brought it here (a session attribute,
 * kept across the id change at sign-in), so the one clock decides both ends.
 */
public final class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

	static final String STARTED = AbsoluteSessionTimeoutFilter.class.getName() + ".started";

	private final Duration absoluteTimeout;

	private final Clock clock;

	public AbsoluteSessionTimeoutFilter(Duration absoluteTimeout, Clock clock) {
		this.absoluteTimeout = absoluteTimeout;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			long now = this.clock.millis();
			if (!(session.getAttribute(STARTED) instanceof Long started)) {
				session.setAttribute(STARTED, now);
			}
			else if (started + this.absoluteTimeout.toMillis() <= now) {
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}
}
