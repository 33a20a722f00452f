package dev.palisade.security.ratelimit;

import java.time.Clock;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.TimeMeter;

/**
 * Buckets in this JVM: a Caffeine map bounded by size, whose entries expire once idle long
 * enough to have fully recovered (so expiry never hands out extra permits). The default
 * backend; each instance of a service counts on its own. If the map is full, the least
 * valuable keys are evicted, which resets their buckets: size it above the number of active
 * callers.
 */
public final class LocalRateLimitBackend implements RateLimitBackend {

	/** The default bound on the number of keys held. */
	public static final long DEFAULT_MAXIMUM_KEYS = 100_000;

	private final Cache<BucketKey, LocalBuckets> buckets;

	private final TimeMeter timeMeter;

	private LocalRateLimitBackend(long maximumKeys, TimeMeter timeMeter, Ticker ticker) {
		this.timeMeter = timeMeter;
		this.buckets = Caffeine.newBuilder()
			.maximumSize(maximumKeys)
			.ticker(ticker)
			.expireAfter(new IdleExpiry())
			.build();
	}

	/** A backend on the system's monotonic clock holding up to {@value #DEFAULT_MAXIMUM_KEYS} keys. */
	public LocalRateLimitBackend() {
		this(DEFAULT_MAXIMUM_KEYS, TimeMeter.SYSTEM_NANOTIME, Ticker.systemTicker());
	}

	/** Starts a configured backend. */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public LimitOutcome[] tryConsume(BucketKey key, List<LimitDefinition> limits) {
		// look up first: the creating lambda captures the limits, so it is allocated only on a miss
		LocalBuckets existing = this.buckets.getIfPresent(key);
		if (existing != null) {
			return existing.tryConsume();
		}
		return this.buckets.get(key, k -> LocalBuckets.create(limits, this.timeMeter)).tryConsume();
	}

	@Override
	public String name() {
		return "local";
	}

	/** Approximate number of keys held (for metrics). */
	public long estimatedSize() {
		return this.buckets.estimatedSize();
	}

	/** Runs pending expiry and eviction now (Caffeine otherwise does it during other operations). */
	public void cleanUp() {
		this.buckets.cleanUp();
	}

	private static final class IdleExpiry implements Expiry<BucketKey, LocalBuckets> {

		@Override
		public long expireAfterCreate(BucketKey key, LocalBuckets value, long currentTime) {
			return value.idleNanos;
		}

		@Override
		public long expireAfterUpdate(BucketKey key, LocalBuckets value, long currentTime, long currentDuration) {
			return value.idleNanos;
		}

		@Override
		public long expireAfterRead(BucketKey key, LocalBuckets value, long currentTime, long currentDuration) {
			return value.idleNanos;
		}
	}

	/** Builds a {@link LocalRateLimitBackend}. */
	public static final class Builder {

		private long maximumKeys = DEFAULT_MAXIMUM_KEYS;

		private Clock clock;

		private Builder() {
		}

		/** The most keys held at once; {@value LocalRateLimitBackend#DEFAULT_MAXIMUM_KEYS} by default. */
		public Builder maximumKeys(long maximumKeys) {
			if (maximumKeys < 1) {
				throw new IllegalArgumentException("maximumKeys must be at least 1");
			}
			this.maximumKeys = maximumKeys;
			return this;
		}

		/** The clock for refills and expiry; the system's monotonic clock by default. */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		public LocalRateLimitBackend build() {
			if (this.clock == null) {
				return new LocalRateLimitBackend(this.maximumKeys, TimeMeter.SYSTEM_NANOTIME, Ticker.systemTicker());
			}
			TimeMeter meter = new ClockTimeMeter(this.clock);
			return new LocalRateLimitBackend(this.maximumKeys, meter, meter::currentTimeNanos);
		}
	}
}
