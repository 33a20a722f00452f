package dev.palisade.security.ratelimit;

import java.time.Duration;

/**
 * The limiter's answer, with what the web layer needs for {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} and, on refusal, {@code 429} with
 * {@code Retry-After}. When a policy has several limits, the numbers describe the most
 * restrictive one: on refusal the refusing limit with the longest wait, otherwise the limit
 * with the fewest permits left.
 *
 * @param allowed whether the request may proceed
 * @param policy the matching policy's name, or {@code null} if no policy matched
 * @param limit the capacity of the reported limit (0 if no policy matched)
 * @param remaining permits left in the reported limit
 * @param resetAfterNanos nanoseconds until the reported limit has fully recovered
 * @param retryAfterNanos when refused, nanoseconds to wait before retrying; otherwise zero
 * @param basis how the decision was reached
 * @param limitIndex the position of the reported limit among the policy's limits (0 for the first)
 */
public record RateLimitDecision(boolean allowed, String policy, long limit, long remaining, long resetAfterNanos,
		long retryAfterNanos, Basis basis, int limitIndex) {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private static final RateLimitDecision UNLIMITED = new RateLimitDecision(true, null, 0, 0, 0, 0,
			Basis.NO_POLICY, 0);

	/** A decision reporting the policy's first limit. */
	public RateLimitDecision(boolean allowed, String policy, long limit, long remaining, long resetAfterNanos,
			long retryAfterNanos, Basis basis) {
		this(allowed, policy, limit, remaining, resetAfterNanos, retryAfterNanos, basis, 0);
	}

	/** A decision reporting the policy's first limit, with its waits as durations. */
	public RateLimitDecision(boolean allowed, String policy, long limit, long remaining, Duration resetAfter,
			Duration retryAfter, Basis basis) {
		this(allowed, policy, limit, remaining, resetAfter.toNanos(), retryAfter.toNanos(), basis, 0);
	}

	/** How a decision was reached. */
	public enum Basis {

		/** No policy matched; the request is not rate limited and gets no headers. */
		NO_POLICY,

		/** The backend counted the request; all numbers are exact. */
		BACKEND,

		/** The backend failed and the limiter failed open; remaining and reset are unknown (0), so no headers are sent. */
		FAIL_OPEN,

		/** The backend failed and the limiter failed closed; remaining and reset are unknown (0). */
		FAIL_CLOSED
	}

	/** The decision for a request no policy matches. */
	public static RateLimitDecision unlimited() {
		return UNLIMITED;
	}

	/** Whether a policy applied, so rate-limit headers belong on the response. */
	public boolean isLimited() {
		return this.basis != Basis.NO_POLICY;
	}

	/** Time until the reported limit has fully recovered. */
	public Duration resetAfter() {
		return Duration.ofNanos(this.resetAfterNanos);
	}

	/** When refused, how long to wait before retrying; otherwise zero. */
	public Duration retryAfter() {
		return Duration.ofNanos(this.retryAfterNanos);
	}

	/** {@link #resetAfter()} in whole seconds, rounded up, for {@code X-RateLimit-Reset}. */
	public long resetSeconds() {
		return ceilSeconds(this.resetAfterNanos);
	}

	/** {@link #retryAfter()} in whole seconds, rounded up and at least 1 on refusal, for {@code Retry-After}. */
	public long retryAfterSeconds() {
		long seconds = ceilSeconds(this.retryAfterNanos);
		return (!this.allowed && seconds < 1) ? 1 : seconds;
	}

	private static long ceilSeconds(long nanos) {
		long seconds = nanos / NANOS_PER_SECOND;
		return (nanos % NANOS_PER_SECOND > 0) ? seconds + 1 : seconds;
	}
}
