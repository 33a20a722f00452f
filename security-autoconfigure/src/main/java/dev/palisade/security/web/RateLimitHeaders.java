package dev.palisade.security.web;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.palisade.security.ratelimit.LimitDefinition;
import dev.palisade.security.ratelimit.RateLimitDecision;
import dev.palisade.security.ratelimit.RateLimitPolicy;

/**
 * Writes the rate-limit response fields: {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}
 * and {@code X-RateLimit-Reset} (seconds until the reported limit has fully recovered), and
 * optionally the IETF {@code RateLimit-Policy} and {@code RateLimit} fields
 * (draft-ietf-httpapi-ratelimit-headers). When both the pre-authentication and the
 * post-authentication limiter apply to a request, the more restrictive decision is reported.
 */
public final class RateLimitHeaders {

	static final String REPORTED = RateLimitHeaders.class.getName() + ".reported";

	private final Map<String, List<LimitDefinition>> ietfPolicies;

	private RateLimitHeaders(Map<String, List<LimitDefinition>> ietfPolicies) {
		this.ietfPolicies = ietfPolicies;
	}

	/** Only the {@code X-RateLimit-*} fields. */
	public static RateLimitHeaders xRateLimit() {
		return new RateLimitHeaders(null);
	}

	/** The {@code X-RateLimit-*} fields plus the IETF fields, which describe {@code policies}. */
	public static RateLimitHeaders withIetfFields(Collection<RateLimitPolicy> policies) {
		Map<String, List<LimitDefinition>> limits = new LinkedHashMap<>();
		policies.forEach((policy) -> limits.put(policy.name(), policy.limits()));
		return new RateLimitHeaders(Map.copyOf(limits));
	}

	/**
	 * Writes the fields for {@code decision} unless a more restrictive decision was written already.
	 * A fail-open decision writes none: the limiter does not know how many permits are left, and
	 * {@code Remaining: 0} on a success would tell a well-behaved client to stop.
	 */
	void write(HttpServletRequest request, HttpServletResponse response, RateLimitDecision decision) {
		if (!decision.isLimited() || decision.basis() == RateLimitDecision.Basis.FAIL_OPEN) {
			return;
		}
		if (request.getAttribute(REPORTED) instanceof RateLimitDecision previous && !moreRestrictive(decision, previous)) {
			return;
		}
		request.setAttribute(REPORTED, decision);
		response.setHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
		response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
		response.setHeader("X-RateLimit-Reset", Long.toString(decision.resetSeconds()));
		if (this.ietfPolicies != null) {
			writeIetf(response, decision);
		}
	}

	private static boolean moreRestrictive(RateLimitDecision candidate, RateLimitDecision previous) {
		if (candidate.allowed() != previous.allowed()) {
			return !candidate.allowed();
		}
		return candidate.remaining() < previous.remaining();
	}

	private void writeIetf(HttpServletResponse response, RateLimitDecision decision) {
		List<LimitDefinition> limits = this.ietfPolicies.get(decision.policy());
		if (limits == null) {
			return;
		}
		StringBuilder policy = new StringBuilder();
		for (int i = 0; i < limits.size(); i++) {
			LimitDefinition limit = limits.get(i);
			if (i > 0) {
				policy.append(", ");
			}
			policy.append('"').append(itemName(decision.policy(), i)).append("\";q=").append(limit.capacity())
				.append(";w=").append(ceilSeconds(limit.period()));
		}
		int reported = (decision.limitIndex() < limits.size()) ? decision.limitIndex() : 0;
		response.setHeader("RateLimit-Policy", policy.toString());
		response.setHeader("RateLimit", "\"" + itemName(decision.policy(), reported) + "\";r=" + decision.remaining()
				+ ";t=" + decision.resetSeconds());
	}

	/** Policy names are restricted to letters, digits, '.', '_' and '-', so they are safe in a quoted string. */
	private static String itemName(String policy, int index) {
		return policy + "-" + index;
	}

	private static long ceilSeconds(Duration duration) {
		long seconds = duration.getSeconds() + ((duration.getNano() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}
}
