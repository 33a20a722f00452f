package dev.palisade.security.refresh;

import java.util.Objects;

/**
 * The outcome of presenting a refresh token: either {@link Rotated} (a new token in the same
 * family) or {@link Rejected} with a reason. Neither carries the presented token.
 */
public sealed interface RotationResult permits RotationResult.Rotated, RotationResult.Rejected {

	/** Whether a new token was issued. */
	boolean isRotated();

	/**
	 * The successful rotation.
	 * @throws InvalidRefreshTokenException if the token was rejected
	 */
	Rotated orElseThrow();

	/**
	 * The presented token was valid and is now dead; {@code token} replaces it.
	 *
	 * @param token the new refresh token of the same family
	 * @param grant the family's grant, for minting the next access token
	 */
	record Rotated(IssuedRefreshToken token, RefreshGrant grant) implements RotationResult {

		public Rotated {
			Objects.requireNonNull(token, "token");
			Objects.requireNonNull(grant, "grant");
		}

		@Override
		public boolean isRotated() {
			return true;
		}

		@Override
		public Rotated orElseThrow() {
			return this;
		}
	}

	/**
	 * The presented token was not accepted.
	 *
	 * @param reason why; for audit and metrics, never for the client
	 */
	record Rejected(RotationFailure reason) implements RotationResult {

		public Rejected {
			Objects.requireNonNull(reason, "reason");
		}

		@Override
		public boolean isRotated() {
			return false;
		}

		@Override
		public Rotated orElseThrow() {
			throw new InvalidRefreshTokenException(this.reason);
		}
	}
}
