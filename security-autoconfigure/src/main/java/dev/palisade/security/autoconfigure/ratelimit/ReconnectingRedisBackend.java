package dev.palisade.security.autoconfigure.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import dev.palisade.security.ratelimit.BucketKey;
import dev.palisade.security.ratelimit.LimitDefinition;
import dev.palisade.security.ratelimit.LimitOutcome;
import dev.palisade.security.ratelimit.RateLimitBackend;
import dev.palisade.security.ratelimit.RateLimitBackendException;
import dev.palisade.security.ratelimit.redis.RedisRateLimitBackend;

/**
 * Opens the Redis backend in the background, so a service starts (and its failure mode answers)
 * while Redis is unreachable or accepts connections without answering. Until connected, every
 * decision fails at once with {@link RateLimitBackendException}, so the limiter's failure mode,
 * metric and once-per-change log line apply; a decision never waits for a connection attempt.
 * At most one attempt runs at a time, each bounded by {@code attemptTimeout},
 * and the next starts no sooner than {@code retryInterval} after the previous one ended. Once
 * connected, Lettuce reconnects by itself.
 * <p>
 * The constructor starts the first attempt and waits for it at most {@code attemptTimeout} and
 * never more than one second, so that next to a healthy Redis the first requests are already
 * enforced while a silent one delays start-up by a second at most.
 */
final class ReconnectingRedisBackend implements RateLimitBackend, RemoteBackendConnection, AutoCloseable {

	private static final long STARTUP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Supplier<CompletableFuture<RedisRateLimitBackend>> connector;

	private final long attemptTimeoutNanos;

	private final long retryNanos;

	private final AtomicBoolean attempting = new AtomicBoolean();

	/** Guards {@link #delegate} against {@link #close()} only; decisions never take it. */
	private final Object lock = new Object();

	private volatile RedisRateLimitBackend delegate;

	private volatile long nextAttempt;

	private volatile boolean closed;

	/**
	 * @param connector starts one connection attempt without blocking (for example
	 * {@link RedisRateLimitBackend.Builder#buildAsync(io.lettuce.core.RedisURI)})
	 * @param attemptTimeout how long one attempt may take before it counts as failed
	 * @param retryInterval the pause between the end of a failed attempt and the next one
	 */
	ReconnectingRedisBackend(Supplier<CompletableFuture<RedisRateLimitBackend>> connector, Duration attemptTimeout,
			Duration retryInterval) {
		this.connector = connector;
		this.attemptTimeoutNanos = attemptTimeout.toNanos();
		this.retryNanos = retryInterval.toNanos();
		this.nextAttempt = System.nanoTime();
		awaitFirstAttempt(connectIfDue());
	}

	private void awaitFirstAttempt(CompletableFuture<Void> attempt) {
		try {
			attempt.get(Math.min(this.attemptTimeoutNanos, STARTUP_WAIT_NANOS), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// not connected yet: decisions fail over to the failure mode and the attempt goes on
		}
	}

	@Override
	public LimitOutcome[] tryConsume(BucketKey key, List<LimitDefinition> limits) {
		RedisRateLimitBackend backend = this.delegate;
		if (backend == null) {
			connectIfDue();
			throw new RateLimitBackendException("Redis is not connected");
		}
		return backend.tryConsume(key, limits);
	}

	/** Starts an attempt unless connected, closed, one is running, or the retry interval has not passed. */
	private CompletableFuture<Void> connectIfDue() {
		if (this.delegate != null || this.closed || System.nanoTime() - this.nextAttempt < 0
				|| !this.attempting.compareAndSet(false, true)) {
			return CompletableFuture.completedFuture(null);
		}
		// an attempt may have ended between the checks above and the claim: look again
		if (this.delegate != null || System.nanoTime() - this.nextAttempt < 0) {
			this.attempting.set(false);
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<RedisRateLimitBackend> attempt;
		try {
			attempt = this.connector.get();
		}
		catch (RuntimeException ex) {
			attempt = CompletableFuture.failedFuture(ex);
		}
		// a timed-out attempt is closed by the connector if it opens later
		return attempt.orTimeout(this.attemptTimeoutNanos, TimeUnit.NANOSECONDS)
			.handle((backend, failure) -> {
				attemptEnded(backend);
				return null;
			});
	}

	/** Runs on a Lettuce I/O thread or the timeout thread: must not block. */
	private void attemptEnded(RedisRateLimitBackend backend) {
		if (backend != null) {
			synchronized (this.lock) {
				if (this.closed) {
					backend.closeAsync();
				}
				else {
					this.delegate = backend;
				}
			}
		}
		// a failed attempt (Redis unreachable) is logged once by the limiter's health tracking
		this.nextAttempt = System.nanoTime() + this.retryNanos;
		this.attempting.set(false);
	}

	/** Whether a connection is open. */
	@Override
	public boolean isConnected() {
		return this.delegate != null;
	}

	/** Whether the next decision would start a connection attempt. */
	boolean isAttemptDue() {
		return this.delegate == null && !this.closed && !this.attempting.get()
				&& System.nanoTime() - this.nextAttempt >= 0;
	}

	@Override
	public String name() {
		return "redis";
	}

	@Override
	public void close() {
		RedisRateLimitBackend backend;
		synchronized (this.lock) {
			this.closed = true;
			backend = this.delegate;
		}
		if (backend != null) {
			backend.close();
		}
	}

	@Override
	public String toString() {
		return "ReconnectingRedisBackend[" + (isConnected() ? "connected" : "not connected") + "]";
	}
}
