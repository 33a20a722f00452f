package dev.palisade.security.web;

import java.net.InetAddress;

import jakarta.servlet.http.HttpServletRequest;

import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.ratelimit.RateLimitRequest;
import dev.palisade.security.ratelimit.RateLimiter;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The rate limit that runs after authentication and before authorization, so policies can match
 * the caller's kind and plan and key buckets by API key, subject or organisation.
 * {@link PalisadeHttpConfigurer} places it immediately before {@code AuthorizationFilter}: after
 * every authentication filter whatever their order (bearer token, API key, client certificate)
 * and after anonymous authentication, so anonymous callers are limited by address. Requests
 * whose credential was refused never get here (the entry point answered 401).
 */
public final class RateLimitFilter extends RateLimitFilterSupport {

	private final RateLimitPlanResolver planResolver;

	/**
	 * @param limiter the post-authentication limiter
	 * @param clientIpResolver how the client address is found (the fallback key)
	 * @param planResolver finds the caller's plan
	 * @param headers which response fields to write
	 * @param listener told about every decision (metrics)
	 */
	public RateLimitFilter(RateLimiter limiter, ClientIpResolver clientIpResolver, RateLimitPlanResolver planResolver,
			RateLimitHeaders headers, RateLimitDecisionListener listener) {
		super(limiter, clientIpResolver, headers, listener);
		this.planResolver = planResolver;
	}

	@Override
	RateLimitRequest rateLimitRequest(HttpServletRequest request, String path, InetAddress clientIp) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		PalisadePrincipal principal = null;
		String plan = null;
		if (authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof PalisadePrincipal caller) {
			principal = caller;
			plan = (this.planResolver != null) ? this.planResolver.planOf(authentication) : null;
		}
		return new RateLimitRequest(path, request.getMethod(), principal, plan, clientIp);
	}
}
