package dev.palisade.security.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;

/**
 * Buckets in this JVM, the default backend; each instance of a service counts on its own. The
 * buckets live in a Caffeine map bounded by size. Idle keys are forgotten by a sweep, run in the
 * background when new keys arrive and at most once per sweep interval, which drops a key only when
 * no request used it since the previous sweep and all its limits have fully recovered, so
 * forgetting never hands out an extra permit (see {@code LocalBuckets} for how a request racing
 * the sweep keeps its permit). Caffeine's own per-read expiry is not used: it costs a clock read
 * and timer bookkeeping on every request, as much again as the bucket itself.
 * <p>
 * If the map is full, Caffeine evicts the least valuable keys, which resets their buckets: size it
 * above the number of callers active within a sweep interval.
 */
public final class LocalRateLimitBackend implements RateLimitBackend {

	/** The default bound on the number of keys held. */
	public static final long DEFAULT_MAXIMUM_KEYS = 100_000;

	/** The default time between sweeps for idle keys. */
	public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(10);

	private final Cache<BucketKey, LocalBuckets> buckets;

	private final ConcurrentMap<BucketKey, LocalBuckets> map;

	private final TimeMeter timeMeter;

	private final long sweepIntervalNanos;

	private final Executor executor;

	private final AtomicLong nextSweepAt;

	private final ReentrantLock sweepLock = new ReentrantLock();

	private LocalRateLimitBackend(Builder builder, TimeMeter timeMeter) {
		this.timeMeter = timeMeter;
		this.buckets = Caffeine.newBuilder().maximumSize(builder.maximumKeys).build();
		this.map = this.buckets.asMap();
		this.sweepIntervalNanos = builder.sweepInterval.toNanos();
		this.executor = builder.executor;
		this.nextSweepAt = new AtomicLong(timeMeter.currentTimeNanos() + this.sweepIntervalNanos);
	}

	/** A backend on the system's monotonic clock holding up to {@value #DEFAULT_MAXIMUM_KEYS} keys. */
	public LocalRateLimitBackend() {
		this(new Builder(), MonotonicMillisTimeMeter.INSTANCE);
	}

	/** Starts a configured backend. */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public LimitOutcome[] tryConsume(BucketKey key, List<LimitDefinition> limits) {
		LocalBuckets existing = this.buckets.getIfPresent(key);
		if (existing != null) {
			LimitOutcome[] outcomes = existing.tryConsume();
			if (outcomes != null) {
				return outcomes;
			}
			this.map.remove(key, existing);
		}
		return tryConsumeFromNewest(key, limits);
	}

	/** The slow path: the key is new, or its buckets were just retired. */
	private LimitOutcome[] tryConsumeFromNewest(BucketKey key, List<LimitDefinition> limits) {
		sweepIfDue();
		while (true) {
			LocalBuckets current = this.buckets.get(key, k -> LocalBuckets.create(limits, this.timeMeter));
			LimitOutcome[] outcomes = current.isRetired() ? null : current.tryConsume();
			if (outcomes != null) {
				return outcomes;
			}
			this.map.remove(key, current);
		}
	}

	private void sweepIfDue() {
		long now = this.timeMeter.currentTimeNanos();
		long due = this.nextSweepAt.get();
		if (now - due >= 0 && this.nextSweepAt.compareAndSet(due, now + this.sweepIntervalNanos)) {
			try {
				this.executor.execute(this::sweepUnlessRunning);
			}
			catch (RuntimeException ex) {
				// a saturated or shut-down executor: sweep on this thread, as Caffeine does
				sweepUnlessRunning();
			}
		}
	}

	private void sweepUnlessRunning() {
		if (this.sweepLock.tryLock()) {
			try {
				sweep();
			}
			finally {
				this.sweepLock.unlock();
			}
		}
	}

	/** Retires idle, fully recovered keys; the caller holds the sweep lock. */
	private void sweep() {
		for (Map.Entry<BucketKey, LocalBuckets> entry : this.map.entrySet()) {
			LocalBuckets buckets = entry.getValue();
			if (buckets.retireIfIdle()) {
				this.map.remove(entry.getKey(), buckets);
			}
		}
	}

	@Override
	public String name() {
		return "local";
	}

	/** Approximate number of keys held (for metrics). */
	public long estimatedSize() {
		return this.buckets.estimatedSize();
	}

	/** Sweeps idle keys and runs Caffeine's pending maintenance now, on this thread. */
	public void cleanUp() {
		this.sweepLock.lock();
		try {
			sweep();
		}
		finally {
			this.sweepLock.unlock();
		}
		this.buckets.cleanUp();
	}

	/** Builds a {@link LocalRateLimitBackend}. */
	public static final class Builder {

		private long maximumKeys = DEFAULT_MAXIMUM_KEYS;

		private Duration sweepInterval = DEFAULT_SWEEP_INTERVAL;

		private Executor executor = ForkJoinPool.commonPool();

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

		/**
		 * How often idle keys are swept (only while new keys arrive); 10 seconds by default. A key
		 * is dropped after two sweeps without a request, once its limits have recovered.
		 */
		public Builder sweepInterval(Duration sweepInterval) {
			if (sweepInterval == null || sweepInterval.isNegative() || sweepInterval.isZero()) {
				throw new IllegalArgumentException("sweepInterval must be positive");
			}
			this.sweepInterval = sweepInterval;
			return this;
		}

		/** Where sweeps run; the common fork-join pool by default (as for Caffeine's own maintenance). */
		public Builder executor(Executor executor) {
			if (executor == null) {
				throw new IllegalArgumentException("executor must not be null");
			}
			this.executor = executor;
			return this;
		}

		/** The clock for refills and sweeps; the system's monotonic clock by default. */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		public LocalRateLimitBackend build() {
			TimeMeter meter = (this.clock != null) ? new ClockTimeMeter(this.clock) : MonotonicMillisTimeMeter.INSTANCE;
			return new LocalRateLimitBackend(this, meter);
		}
	}
}
