package dev.palisade.security.ratelimit;

/**
 * A backend could not decide within its time budget (down, slow, or failing). The limiter
 * answers such requests according to its {@link FailureMode}.
 */
public final class RateLimitBackendException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public RateLimitBackendException(String message, Throwable cause) {
		super(message, cause);
	}

	public RateLimitBackendException(String message) {
		super(message);
	}
}
