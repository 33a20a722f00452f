package dev.palisade.security.ratelimit;

/** What the limiter answers when its backend cannot decide within the time budget. */
public enum FailureMode {

	/** Let the request through: availability over enforcement. */
	FAIL_OPEN,

	/** Refuse the request with 429: enforcement over availability. */
	FAIL_CLOSED
}
