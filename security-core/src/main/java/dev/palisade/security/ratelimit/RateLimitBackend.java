package dev.palisade.security.ratelimit;

import java.util.List;

/**
 * Where buckets live (SPI): {@link LocalRateLimitBackend} in memory, or
 * {@code dev.palisade.security.ratelimit.redis.RedisRateLimitBackend} shared between
 * instances.
 */
public interface RateLimitBackend {

	/**
	 * Takes one permit from every limit of the caller's buckets. If any limit refuses, the
	 * permits taken from the others are given back (best effort: a refund never admits more than
	 * a limit allows). The same key is always passed with the same limits.
	 * @return one outcome per limit, in the order of {@code limits}
	 * @throws RateLimitBackendException if the backend cannot answer within its time budget
	 */
	LimitOutcome[] tryConsume(BucketKey key, List<LimitDefinition> limits);

	/** A short name for logs and metrics ({@code local}, {@code redis}). */
	String name();
}
