package dev.palisade.security.web;

import dev.palisade.security.token.InvalidTokenException;

/**
 * Told the outcome of every bearer access-token verification, for metrics. Receives only bounded
 * values, never the token, its subject or its id. Implementations must be fast and must not throw.
 */
public interface AccessTokenOutcomeListener {

	/** A token was verified (from the cache or not). */
	void onVerified();

	/** A token was refused, for this reason. */
	void onRejected(InvalidTokenException.Reason reason);
}
