package dev.palisade.security.ratelimit;

import java.net.InetAddress;

import dev.palisade.security.principal.PalisadePrincipal;

/**
 * What the limiter needs to know about one request.
 *
 * @param path the decoded request path inside the application (for example the servlet path
 * plus path info), starting with {@code /}
 * @param method the HTTP method
 * @param principal the authenticated caller, or {@code null} before/without authentication
 * @param plan the caller's plan (a token claim or API-key attribute), or {@code null}
 * @param clientIp the client address from {@code ClientIpResolver}
 */
public record RateLimitRequest(String path, String method, PalisadePrincipal principal, String plan,
		InetAddress clientIp) {

	public RateLimitRequest {
		if (path == null || method == null || clientIp == null) {
			throw new IllegalArgumentException("A rate-limit request needs a path, a method and a client IP");
		}
	}
}
