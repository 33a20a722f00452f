package dev.palisade.security.ratelimit;

/** One limit's in-memory state for one key. */
interface LocalMeter {

	LimitOutcome tryConsume();

	/** Gives back a permit taken by {@link #tryConsume()} (best effort). */
	void refund();
}
