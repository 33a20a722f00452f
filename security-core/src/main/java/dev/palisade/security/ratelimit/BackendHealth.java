package dev.palisade.security.ratelimit;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Tracks whether the backend answers, notifying the listener on every state change and counting
 * fallback decisions. Logs one line per state change, but at most two lines per
 * {@value #LOG_WINDOW_SECONDS} seconds: a backend that flaps (its latency hovering around the time
 * budget) would otherwise log on about every other request. Changes not logged are summed up in
 * the next line, or in a summary with the current state once the window has passed.
 */
final class BackendHealth {

	private static final Logger LOGGER = System.getLogger(BackendHealth.class.getName());

	static final long LOG_WINDOW_SECONDS = 30;

	private static final long LOG_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(LOG_WINDOW_SECONDS);

	private final String backend;

	private final FailureMode failureMode;

	private final RateLimiterHealthListener listener;

	private final LongSupplier nanoTime;

	private final AtomicBoolean available = new AtomicBoolean(true);

	private final LongAdder fallbacks = new LongAdder();

	private final Object logLock = new Object();

	/** When the last two lines were logged (guarded by logLock); the older one first. */
	private final long[] loggedAt;

	/** State changes not logged yet; read without the lock on every decision while positive. */
	private volatile int unlogged;

	BackendHealth(String backend, FailureMode failureMode, RateLimiterHealthListener listener) {
		this(backend, failureMode, listener, System::nanoTime);
	}

	BackendHealth(String backend, FailureMode failureMode, RateLimiterHealthListener listener, LongSupplier nanoTime) {
		this.backend = backend;
		this.failureMode = failureMode;
		this.listener = listener;
		this.nanoTime = nanoTime;
		long longAgo = nanoTime.getAsLong() - 2 * LOG_WINDOW_NANOS;
		this.loggedAt = new long[] { longAgo, longAgo };
	}

	void succeeded() {
		if (!this.available.get() && this.available.compareAndSet(false, true)) {
			logChange(null);
			this.listener.backendRecovered(this.backend);
		}
		else if (this.unlogged > 0) {
			summariseIfDue();
		}
	}

	void failed(Throwable cause) {
		this.fallbacks.increment();
		if (this.available.get() && this.available.compareAndSet(true, false)) {
			logChange(cause);
			this.listener.backendUnavailable(this.backend, cause);
		}
		else if (this.unlogged > 0) {
			summariseIfDue();
		}
		this.listener.fallbackDecision(this.backend, this.failureMode);
	}

	/** Logs a change unless two lines were logged within the window; {@code cause} null means recovered. */
	private void logChange(Throwable cause) {
		int skipped;
		synchronized (this.logLock) {
			long now = this.nanoTime.getAsLong();
			if (now - this.loggedAt[0] < LOG_WINDOW_NANOS) {
				this.unlogged++;
				return;
			}
			loggedNow(now);
			skipped = this.unlogged;
			this.unlogged = 0;
		}
		String flapping = (skipped > 0) ? " (" + skipped + " earlier state changes were not logged)" : "";
		if (cause == null) {
			LOGGER.log(Level.INFO, "Rate-limit backend ''{0}'' answers again; decisions are enforced normally{1}",
					this.backend, flapping);
		}
		else {
			// the cause's class only: messages of client libraries may carry connection details
			LOGGER.log(Level.WARNING, "Rate-limit backend ''{0}'' is unavailable ({1}); answering {2} until it recovers{3}",
					this.backend, cause.getClass().getSimpleName(), this.failureMode, flapping);
		}
	}

	private void summariseIfDue() {
		int skipped;
		synchronized (this.logLock) {
			long now = this.nanoTime.getAsLong();
			if (this.unlogged == 0 || now - this.loggedAt[1] < LOG_WINDOW_NANOS) {
				return;
			}
			loggedNow(now);
			skipped = this.unlogged;
			this.unlogged = 0;
		}
		boolean up = this.available.get();
		LOGGER.log(up ? Level.INFO : Level.WARNING,
				"Rate-limit backend ''{0}'' changed state {1} more times without a log line; it is now {2}",
				this.backend, skipped, up ? "available" : "unavailable, answering " + this.failureMode);
	}

	private void loggedNow(long now) {
		this.loggedAt[0] = this.loggedAt[1];
		this.loggedAt[1] = now;
	}

	boolean isAvailable() {
		return this.available.get();
	}

	long fallbackCount() {
		return this.fallbacks.sum();
	}
}
