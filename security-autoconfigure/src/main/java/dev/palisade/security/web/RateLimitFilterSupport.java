package dev.palisade.security.web;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.palisade.security.access.url.InvalidRequestPathException;
import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.ratelimit.RateLimitDecision;
import dev.palisade.security.ratelimit.RateLimitRequest;
import dev.palisade.security.ratelimit.RateLimiter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/** What both rate-limit filters share: the client address, the decision, headers and the 429 answer. */
abstract class RateLimitFilterSupport extends OncePerRequestFilter {

	/** The path as the access rules see it: decoded, with any {@code ;} kept, so both refuse it alike. */
	private static final UrlPathHelper PATHS = pathsKeepingSemicolons();

	private final RateLimiter limiter;

	private final ClientIpResolver clientIpResolver;

	private final RateLimitHeaders headers;

	private final RateLimitDecisionListener listener;

	RateLimitFilterSupport(RateLimiter limiter, ClientIpResolver clientIpResolver, RateLimitHeaders headers,
			RateLimitDecisionListener listener) {
		this.limiter = limiter;
		this.clientIpResolver = (clientIpResolver != null) ? clientIpResolver : ClientIpResolver.direct();
		this.headers = (headers != null) ? headers : RateLimitHeaders.xRateLimit();
		this.listener = (listener != null) ? listener : RateLimitDecisionListener.NONE;
	}

	/** Builds the limiter's view of the request. */
	abstract RateLimitRequest rateLimitRequest(HttpServletRequest request, String path, InetAddress clientIp);

	@Override
	protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		String path = PATHS.getPathWithinApplication(request);
		RateLimitDecision decision;
		try {
			decision = this.limiter.check(rateLimitRequest(request, path.isEmpty() ? "/" : path, clientIp(request)));
		}
		catch (InvalidRequestPathException ex) {
			// the access rules refuse the same paths (one grammar); Spring Security answers 400
			throw new RequestRejectedException("The request path cannot be matched safely");
		}
		if (decision.isLimited()) {
			this.listener.onDecision(decision);
			this.headers.write(request, response, decision);
		}
		if (!decision.allowed()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
			ProblemResponses.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
					"Too many requests; retry after the time given in Retry-After", Map.of());
			return;
		}
		chain.doFilter(request, response);
	}

	/** The client address, resolved once per request and shared by both filters. */
	final InetAddress clientIp(HttpServletRequest request) {
		return ClientAddresses.of(request, this.clientIpResolver);
	}

	private static UrlPathHelper pathsKeepingSemicolons() {
		UrlPathHelper paths = new UrlPathHelper();
		paths.setRemoveSemicolonContent(false);
		return paths;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return true;
	}
}
