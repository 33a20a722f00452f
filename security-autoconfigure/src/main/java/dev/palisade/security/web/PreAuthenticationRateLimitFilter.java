package dev.palisade.security.web;

import java.net.InetAddress;

import jakarta.servlet.http.HttpServletRequest;

import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.ratelimit.RateLimitRequest;
import dev.palisade.security.ratelimit.RateLimiter;

/**
 * The rate limit that runs before authentication, keyed by client address: it protects the token
 * endpoint and credential guessing, whose callers have no principal yet. {@link PalisadeHttpConfigurer}
 * places it before {@code X509AuthenticationFilter}, that is after CORS and the header writer and
 * before every authentication filter (client certificate, API key, bearer token). A refusal is
 * {@code 429} with {@code Retry-After} and a problem+json body; the request never reaches
 * authentication.
 */
public final class PreAuthenticationRateLimitFilter extends RateLimitFilterSupport {

	/**
	 * @param limiter the pre-authentication limiter (its policies see no principal and no plan)
	 * @param clientIpResolver how the client address is found (trusted proxies)
	 * @param headers which response fields to write
	 * @param listener told about every decision (metrics)
	 */
	public PreAuthenticationRateLimitFilter(RateLimiter limiter, ClientIpResolver clientIpResolver,
			RateLimitHeaders headers, RateLimitDecisionListener listener) {
		super(limiter, clientIpResolver, headers, listener);
	}

	@Override
	RateLimitRequest rateLimitRequest(HttpServletRequest request, String path, InetAddress clientIp) {
		return new RateLimitRequest(path, request.getMethod(), null, null, clientIp);
	}
}
