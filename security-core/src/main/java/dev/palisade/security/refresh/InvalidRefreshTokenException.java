package dev.palisade.security.refresh;

import java.util.Objects;

/**
 * A presented refresh token was rejected. Maps to OAuth {@code invalid_grant} (HTTP 400); the
 * message names only the reason, never the token.
 */
public final class InvalidRefreshTokenException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final RotationFailure reason;

	public InvalidRefreshTokenException(RotationFailure reason) {
		super("Refresh token rejected: " + Objects.requireNonNull(reason, "reason"));
		this.reason = reason;
	}

	/** Why the token was rejected. */
	public RotationFailure reason() {
		return this.reason;
	}
}
