package dev.palisade.security.autoconfigure.ratelimit;

import java.util.List;
import java.util.function.Supplier;

import dev.palisade.security.ratelimit.BucketKey;
import dev.palisade.security.ratelimit.LimitDefinition;
import dev.palisade.security.ratelimit.LimitOutcome;
import dev.palisade.security.ratelimit.RateLimitBackend;
import dev.palisade.security.ratelimit.RateLimitBackendException;
import dev.palisade.security.ratelimit.redis.RedisRateLimitBackend;

/**
 * Opens the Redis backend when Redis is first reachable, so a service starts (and its failure mode
 * answers) while Redis is still down. Until connected, each decision fails at once and one connection
 * attempt is made at most once per {@code retryNanos}; once connected, Lettuce reconnects by itself.
 */
final class ReconnectingRedisBackend implements RateLimitBackend, AutoCloseable {

	private final Supplier<RedisRateLimitBackend> connector;

	private final long retryNanos;

	private final Object lock = new Object();

	private volatile RedisRateLimitBackend delegate;

	private long nextAttempt;

	private boolean closed;

	ReconnectingRedisBackend(Supplier<RedisRateLimitBackend> connector, long retryNanos) {
		this.connector = connector;
		this.retryNanos = retryNanos;
		this.nextAttempt = System.nanoTime();
		connectIfDue();
	}

	@Override
	public LimitOutcome[] tryConsume(BucketKey key, List<LimitDefinition> limits) {
		RedisRateLimitBackend backend = this.delegate;
		if (backend == null) {
			backend = connectIfDue();
			if (backend == null) {
				throw new RateLimitBackendException("Redis is not connected");
			}
		}
		return backend.tryConsume(key, limits);
	}

	private RedisRateLimitBackend connectIfDue() {
		synchronized (this.lock) {
			if (this.delegate != null || this.closed || System.nanoTime() - this.nextAttempt < 0) {
				return this.delegate;
			}
			this.nextAttempt = System.nanoTime() + this.retryNanos;
			try {
				this.delegate = this.connector.get();
			}
			catch (RuntimeException ex) {
				// Redis unreachable: the limiter's failure mode answers and its health listener logs once
				return null;
			}
			return this.delegate;
		}
	}

	/** Whether a connection is open. */
	boolean isConnected() {
		return this.delegate != null;
	}

	@Override
	public String name() {
		return "redis";
	}

	@Override
	public void close() {
		synchronized (this.lock) {
			this.closed = true;
			if (this.delegate != null) {
				this.delegate.close();
			}
		}
	}

	@Override
	public String toString() {
		return "ReconnectingRedisBackend[" + (isConnected() ? "connected" : "not connected") + "]";
	}
}
