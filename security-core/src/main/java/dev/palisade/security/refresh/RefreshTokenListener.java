package dev.palisade.security.refresh;

/**
 * Hook for audit and metrics: told about every refresh-token event after it took effect. All
 * methods default to doing nothing. Arguments never contain a token or a token hash. An exception
 * thrown here is logged and swallowed; it never undoes or blocks the event.
 */
public interface RefreshTokenListener {

	/** A listener that ignores everything. */
	RefreshTokenListener NONE = new RefreshTokenListener() {
	};

	/** A new family was issued (a sign-in). */
	default void onIssued(RefreshFamily family) {
	}

	/** A family's token was rotated; {@code family} shows the new idle expiry. */
	default void onRotated(RefreshFamily family) {
	}

	/**
	 * An already-rotated token was presented again: likely theft. The family is revoked by the time
	 * this is called. Also reported through {@link #onRejected}.
	 */
	default void onReuseDetected(RefreshFamily family) {
	}

	/**
	 * A presented token was rejected.
	 * @param reason why
	 * @param family the token's family, or {@code null} if the token was malformed or unknown
	 */
	default void onRejected(RotationFailure reason, RefreshFamily family) {
	}

	/** A family was revoked by a revocation call (token, family or sign-out everywhere). */
	default void onRevoked(RefreshFamily family) {
	}
}
