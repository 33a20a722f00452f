package dev.palisade.security.apikey;

/**
 * Hook for audit and metrics: told about every key management change after it took effect. All
 * methods default to doing nothing; arguments are masked summaries, never a key or its hash. An
 * exception thrown here is logged and swallowed: it never undoes or blocks the change.
 */
public interface ApiKeyListener {

	/** A listener that ignores everything. */
	ApiKeyListener NONE = new ApiKeyListener() {
	};

	/** A key was created. */
	default void onCreated(ApiKeySummary key) {
	}

	/** A key was rotated: {@code replacement} is the new key, {@code rotatedFrom} its id. */
	default void onRotated(ApiKeySummary replacement) {
	}

	/** A key was revoked. */
	default void onRevoked(ApiKeySummary key) {
	}
}
