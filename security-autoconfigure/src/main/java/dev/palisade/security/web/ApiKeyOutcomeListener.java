package dev.palisade.security.web;

import dev.palisade.security.apikey.ApiKeyOutcome;

/**
 * Told the outcome of every API key authentication attempt, for metrics or audit. Receives only
 * bounded values, never the key or its id. Implementations must be fast and must not throw.
 */
public interface ApiKeyOutcomeListener {

	/** A key was verified (or refused before verification, as {@link ApiKeyOutcome#MALFORMED}). */
	void onOutcome(ApiKeyOutcome outcome);

	/** The key store could not be read, so the key could not be checked. */
	default void onStoreUnavailable() {
	}
}
