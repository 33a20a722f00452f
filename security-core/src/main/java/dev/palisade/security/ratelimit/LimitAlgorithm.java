package dev.palisade.security.ratelimit;

/**
 * How a {@link LimitDefinition} counts requests. Each allows {@code capacity} requests per
 * {@code period}; they differ in how bursts and refills behave.
 */
public enum LimitAlgorithm {

	/**
	 * Token bucket that refills continuously ({@code capacity / period} tokens per unit of
	 * time): a full bucket allows a burst of {@code capacity}, then a steady rate.
	 */
	TOKEN_BUCKET_GREEDY,

	/**
	 * Token bucket that refills all {@code capacity} tokens at once at the end of each period
	 * (fixed-window behaviour, aligned to the bucket's creation).
	 */
	TOKEN_BUCKET_INTERVAL,

	/**
	 * Leaky bucket as a meter: the bucket holds at most {@code capacity} requests and drains at
	 * a steady {@code capacity / period}; a request that would overflow it is refused, so no
	 * burst ever exceeds {@code capacity} and sustained throughput never exceeds the drain rate.
	 * The leaky bucket as a meter is mathematically the same as a token bucket with continuous
	 * refill (GCRA); it is implemented with bucket4j as exactly that, one token per
	 * {@code period / capacity}.
	 */
	LEAKY_BUCKET,

	/**
	 * Sliding-window counter: the current fixed window's count plus the previous window's count
	 * weighted by how much of it still overlaps the sliding window. Smooths the double burst a
	 * fixed window allows at its boundary. bucket4j has no sliding-window primitive, so Palisade
	 * implements it itself on both backends (local and a Redis Lua script).
	 */
	SLIDING_WINDOW
}
