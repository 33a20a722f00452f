package dev.palisade.security.ratelimit;

/** One limit's in-memory state for one key. */
interface LocalMeter {

	LimitOutcome tryConsume();

	/** Gives back a permit taken by {@link #tryConsume()} (best effort). */
	void refund();

	/** Whether the limit has fully recovered, so a fresh meter would answer the same. */
	boolean isFull();
}
