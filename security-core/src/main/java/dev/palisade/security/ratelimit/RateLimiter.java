package dev.palisade.security.ratelimit;

/** Decides whether a request may proceed under the configured rate-limit policies. */
public interface RateLimiter {

	/**
	 * Checks the request against the first matching policy and, if it matches, takes one permit
	 * from each of that policy's limits. Never throws for backend failures; those are answered
	 * according to the configured {@link FailureMode}.
	 */
	RateLimitDecision check(RateLimitRequest request);
}
