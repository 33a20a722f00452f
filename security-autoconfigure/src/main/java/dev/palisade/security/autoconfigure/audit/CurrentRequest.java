package dev.palisade.security.autoconfigure.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the audit log keeps from the servlet request being handled on this thread. Only touched
 * when the servlet API is on the classpath. The client address is the socket peer; trusted-proxy
 * handling belongs to the network layer in front.
 *
 * @param clientIp the peer address
 * @param userAgent the {@code User-Agent} header, or {@code null}
 * @param traceparent the W3C {@code traceparent} header, or {@code null}
 */
record CurrentRequest(String clientIp, String userAgent, String traceparent) {

	/** The current request's details, or {@code null} outside a request. */
	static CurrentRequest get() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return null;
		}
		HttpServletRequest request = servlet.getRequest();
		return new CurrentRequest(request.getRemoteAddr(), request.getHeader("User-Agent"),
				request.getHeader("traceparent"));
	}
}
