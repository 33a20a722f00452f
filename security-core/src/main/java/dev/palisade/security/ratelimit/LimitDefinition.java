package dev.palisade.security.ratelimit;

import java.time.Duration;

/**
 * One limit: at most {@code capacity} requests per {@code period}, counted with
 * {@code algorithm}.
 *
 * @param capacity requests allowed per period (and the largest burst), at least 1
 * @param period the length of the period, at least one millisecond
 * @param algorithm how requests are counted
 */
public record LimitDefinition(long capacity, Duration period, LimitAlgorithm algorithm) {

	/** The shortest allowed period. */
	public static final Duration MIN_PERIOD = Duration.ofMillis(1);

	public LimitDefinition {
		if (capacity < 1) {
			throw new IllegalArgumentException("A rate limit's capacity must be at least 1");
		}
		if (period == null || period.compareTo(MIN_PERIOD) < 0) {
			throw new IllegalArgumentException("A rate limit's period must be at least 1 ms");
		}
		if (algorithm == null) {
			throw new IllegalArgumentException("A rate limit needs an algorithm");
		}
		if (algorithm != LimitAlgorithm.SLIDING_WINDOW && capacity > period.toNanos()) {
			// bucket4j refuses refill rates above one token per nanosecond
			throw new IllegalArgumentException("A bucket rate limit cannot refill faster than one request per nanosecond");
		}
	}

	/** A greedy token bucket: {@code capacity} requests per {@code period}. */
	public static LimitDefinition of(long capacity, Duration period) {
		return new LimitDefinition(capacity, period, LimitAlgorithm.TOKEN_BUCKET_GREEDY);
	}

	/** The largest time this limit needs to forget all usage (full refill, or two windows). */
	public Duration fullRecovery() {
		return (this.algorithm == LimitAlgorithm.SLIDING_WINDOW) ? this.period.multipliedBy(2) : this.period;
	}

	@Override
	public String toString() {
		return this.capacity + "/" + this.period + " " + this.algorithm;
	}
}
