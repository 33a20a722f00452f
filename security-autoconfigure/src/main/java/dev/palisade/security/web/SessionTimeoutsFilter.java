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
 * The UI sessions' two timeouts, whichever store keeps them. A session older than the absolute
 * timeout ends before its security context is read, however recently it was used; the request then
 * goes on without a signed-in user, so the UI chain sends it to the sign-in page. Every session this
 * chain creates or sees gets the idle timeout as its own maximum inactive interval, so the JDBC and
 * Redis stores keep Palisade's idle timeout rather than their default. The session's age is counted
 * on this filter's clock from the request that created it or first brought it here (a session
 * attribute, kept across the id change at sign-in), so the one clock decides both ends.
 */
public final class SessionTimeoutsFilter extends OncePerRequestFilter {

	static final String STARTED = SessionTimeoutsFilter.class.getName() + ".started";

	private final Duration idleTimeout;

	private final Duration absoluteTimeout;

	private final Clock clock;

	public SessionTimeoutsFilter(Duration idleTimeout, Duration absoluteTimeout, Clock clock) {
		this.idleTimeout = idleTimeout;
		this.absoluteTimeout = absoluteTimeout;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(STARTED) instanceof Long started
				&& started + this.absoluteTimeout.toMillis() <= this.clock.millis()) {
			session.invalidate();
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			stamp(request.getSession(false));
		}
	}

	private void stamp(HttpSession session) {
		if (session == null) {
			return;
		}
		if (!(session.getAttribute(STARTED) instanceof Long)) {
			session.setAttribute(STARTED, this.clock.millis());
		}
		int idleSeconds = (int) Math.min(Integer.MAX_VALUE, this.idleTimeout.toSeconds());
		if (session.getMaxInactiveInterval() != idleSeconds) {
			session.setMaxInactiveInterval(idleSeconds);
		}
	}
}
