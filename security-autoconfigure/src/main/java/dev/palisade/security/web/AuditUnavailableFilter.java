package dev.palisade.security.web;

import java.io.IOException;
import java.util.Map;

import dev.palisade.security.audit.AuditWriteException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 problem+json, with {@code Retry-After}, when a request could not be audited: the
 * audit log fails closed, and whatever recorder refused (an authentication, a denial, a key or
 * token lifecycle change in a controller) this is the one place that turns the refusal into a
 * response, so no caller ever sees a 500 for it. Each refusal is logged (without the event, which
 * may name the caller) and counted by the audit log's listener.
 */
public final class AuditUnavailableFilter extends OncePerRequestFilter {

	/** Seconds a client is asked to wait before retrying. */
	static final String RETRY_AFTER_SECONDS = "5";

	private static final Log logger = LogFactory.getLog(AuditUnavailableFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException | IOException ex) {
			AuditWriteException refused = find(ex);
			if (refused == null) {
				throw ex;
			}
			logger.warn("Request refused because it could not be audited: " + refused.getMessage());
			if (response.isCommitted()) {
				throw ex;
			}
			response.resetBuffer();
			response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
			ProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
					"The request cannot be recorded in the audit log right now. Try again later.", Map.of());
		}
	}

	/** The audit refusal behind an exception, however deeply a framework wrapped it. */
	static AuditWriteException find(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuditWriteException refused) {
				return refused;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}
}
