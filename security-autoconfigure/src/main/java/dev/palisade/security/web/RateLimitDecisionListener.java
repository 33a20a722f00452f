package dev.palisade.security.web;

import dev.palisade.security.ratelimit.RateLimitDecision;

/** Told about every rate-limit decision a policy applied to (for metrics); must be fast and not throw. */
@FunctionalInterface
public interface RateLimitDecisionListener {

	/** A listener that does nothing. */
	RateLimitDecisionListener NONE = (decision) -> {
	};

	/** A policy decided {@code decision} (never called for requests no policy matches). */
	void onDecision(RateLimitDecision decision);
}
