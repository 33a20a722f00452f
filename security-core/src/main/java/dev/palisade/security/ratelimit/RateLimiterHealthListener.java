package dev.palisade.security.ratelimit;

/**
 * Hook for metrics and health about the rate-limit backend. The state-change callbacks are
 * called once per change, not per request; {@link #fallbackDecision} is called per request
 * answered without the backend (for a counter).
 */
public interface RateLimiterHealthListener {

	/** A listener that does nothing. */
	RateLimiterHealthListener NONE = new RateLimiterHealthListener() {
	};

	/** The backend stopped answering within its budget. */
	default void backendUnavailable(String backend, Throwable cause) {
	}

	/** The backend answers again. */
	default void backendRecovered(String backend) {
	}

	/** A request was answered by the failure mode instead of the backend. */
	default void fallbackDecision(String backend, FailureMode mode) {
	}
}
