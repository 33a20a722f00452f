package dev.palisade.security.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Translates {@link LimitDefinition}s to bucket4j and bucket4j probes back to
 * {@link LimitOutcome}s. Shared by the local and Redis backends (SPI helper).
 */
public final class Bucket4jLimits {

	private Bucket4jLimits() {
	}

	/** Whether bucket4j can express the limit (every algorithm except {@link LimitAlgorithm#SLIDING_WINDOW}). */
	public static boolean isBucket(LimitDefinition limit) {
		return limit.algorithm() != LimitAlgorithm.SLIDING_WINDOW;
	}

	/**
	 * The bandwidth for a bucket-type limit.
	 * @throws IllegalArgumentException for a sliding window, which bucket4j cannot express
	 */
	public static Bandwidth bandwidth(LimitDefinition limit) {
		long capacity = limit.capacity();
		return switch (limit.algorithm()) {
			case TOKEN_BUCKET_GREEDY -> Bandwidth.builder().capacity(capacity).refillGreedy(capacity, limit.period())
				.build();
			case TOKEN_BUCKET_INTERVAL -> Bandwidth.builder()
				.capacity(capacity)
				.refillIntervally(capacity, limit.period())
				.build();
			// leaky bucket as a meter == token bucket with continuous refill (see LimitAlgorithm)
			case LEAKY_BUCKET -> Bandwidth.builder().capacity(capacity).refillGreedy(capacity, limit.period()).build();
			case SLIDING_WINDOW -> throw new IllegalArgumentException("bucket4j has no sliding-window bandwidth");
		};
	}

	/** A one-bandwidth bucket configuration for a bucket-type limit. */
	public static BucketConfiguration configuration(LimitDefinition limit) {
		return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
	}

	/** The outcome a probe describes for a limit of {@code capacity}. */
	public static LimitOutcome outcome(ConsumptionProbe probe, long capacity) {
		boolean consumed = probe.isConsumed();
		return new LimitOutcome(consumed, capacity, probe.getRemainingTokens(), probe.getNanosToWaitForReset(),
				consumed ? 0 : probe.getNanosToWaitForRefill());
	}
}
