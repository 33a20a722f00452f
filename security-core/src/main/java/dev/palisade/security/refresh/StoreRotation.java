package dev.palisade.security.refresh;

import java.util.Objects;

/**
 * What a {@link RefreshTokenStore} did with one rotation request.
 *
 * @param failure why nothing was rotated, or {@code null} on success
 * @param family the token's family after the operation (with its new idle expiry on success,
 * revoked after reuse); {@code null} when the token was unknown
 */
public record StoreRotation(RotationFailure failure, RefreshFamily family) {

	public StoreRotation {
		if (failure == null) {
			Objects.requireNonNull(family, "family");
		}
		if (failure == RotationFailure.MALFORMED) {
			throw new IllegalArgumentException("stores never see malformed tokens");
		}
	}

	/** The presented token was active and is now rotated; {@code family} has the new idle expiry. */
	public static StoreRotation rotated(RefreshFamily family) {
		return new StoreRotation(null, family);
	}

	/** Nothing was rotated. */
	public static StoreRotation failed(RotationFailure failure, RefreshFamily family) {
		return new StoreRotation(Objects.requireNonNull(failure, "failure"), family);
	}

	/** Whether the rotation happened. */
	public boolean isRotated() {
		return this.failure == null;
	}
}
