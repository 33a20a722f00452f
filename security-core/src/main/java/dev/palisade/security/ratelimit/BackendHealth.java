package dev.palisade.security.ratelimit;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tracks whether the backend answers, logging and notifying once per state change (never per
 * request) and counting fallback decisions.
 */
final class BackendHealth {

	private static final Logger LOGGER = System.getLogger(BackendHealth.class.getName());

	private final String backend;

	private final FailureMode failureMode;

	private final RateLimiterHealthListener listener;

	private final AtomicBoolean available = new AtomicBoolean(true);

	private final LongAdder fallbacks = new LongAdder();

	BackendHealth(String backend, FailureMode failureMode, RateLimiterHealthListener listener) {
		this.backend = backend;
		this.failureMode = failureMode;
		this.listener = listener;
	}

	void succeeded() {
		if (!this.available.get() && this.available.compareAndSet(false, true)) {
			LOGGER.log(Level.INFO, "Rate-limit backend ''{0}'' answers again; decisions are enforced normally",
					this.backend);
			this.listener.backendRecovered(this.backend);
		}
	}

	void failed(Throwable cause) {
		this.fallbacks.increment();
		if (this.available.get() && this.available.compareAndSet(true, false)) {
			// the cause's class only: messages of client libraries may carry connection details
			LOGGER.log(Level.WARNING, "Rate-limit backend ''{0}'' is unavailable ({1}); answering {2} until it recovers",
					this.backend, cause.getClass().getSimpleName(), this.failureMode);
			this.listener.backendUnavailable(this.backend, cause);
		}
		this.listener.fallbackDecision(this.backend, this.failureMode);
	}

	boolean isAvailable() {
		return this.available.get();
	}

	long fallbackCount() {
		return this.fallbacks.sum();
	}
}
