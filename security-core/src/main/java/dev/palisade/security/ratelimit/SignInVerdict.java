package dev.palisade.security.ratelimit;

import java.time.Duration;

/**
 * Whether a sign-in attempt for a username from a client address may be checked now.
 *
 * @param allowed whether the attempt may proceed to the password check
 * @param retryAfter when refused, how long until the next attempt from this address is allowed
 * (never more than the throttle's larger of maximum delay and over-budget delay); otherwise zero
 */
public record SignInVerdict(boolean allowed, Duration retryAfter) {

	static final SignInVerdict ALLOWED = new SignInVerdict(true, Duration.ZERO);

	/** {@link #retryAfter()} in whole seconds, rounded up, for {@code Retry-After}. */
	public long retryAfterSeconds() {
		long seconds = this.retryAfter.getSeconds();
		return (this.retryAfter.getNano() > 0) ? seconds + 1 : seconds;
	}
}
