package dev.palisade.security.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of refresh-token families and token hashes. A store never sees a token, only its
 * SHA-256 hash (32 bytes). The family's state is authoritative: a revoked or expired family makes
 * every one of its tokens useless.
 *
 * <p>Implementations: {@link InMemoryRefreshTokenStore},
 * {@code dev.palisade.security.refresh.jdbc.JdbcRefreshTokenStore},
 * {@code dev.palisade.security.refresh.redis.RedisRefreshTokenStore}. Every method may throw
 * {@link RefreshTokenStoreException} when the backend fails.
 */
public interface RefreshTokenStore {

	/** Stores a new family whose first (active) token has hash {@code tokenHash}. */
	void createFamily(RefreshFamily family, byte[] tokenHash);

	/**
	 * Atomically rotates: if {@code presentedHash} is the active token of an active, unexpired
	 * family, it becomes rotated, {@code newHash} becomes the family's active token and the family's
	 * idle expiry moves to {@code now + idleTimeout} (capped at the absolute expiry). Of any number of
	 * concurrent calls with the same hash at most one succeeds. If the presented token was already
	 * rotated, the family is revoked and {@link RotationFailure#REUSED} returned. The checks are those
	 * of {@link RefreshFamily#unusableReason(Instant)}, with reuse checked first.
	 */
	StoreRotation rotate(byte[] presentedHash, byte[] newHash, Instant now, Duration idleTimeout);

	/** The family with this id, in whatever state, unless unknown or swept. */
	Optional<RefreshFamily> findFamily(String familyId);

	/** The family the token with this hash belongs to (active or rotated), unless unknown or swept. */
	Optional<RefreshFamily> findFamilyByToken(byte[] tokenHash);

	/**
	 * Revokes a family.
	 * @return the family as revoked now, or empty if it was unknown or already revoked
	 */
	Optional<RefreshFamily> revokeFamily(String familyId, Instant now);

	/**
	 * Revokes every active family of a subject ("sign out everywhere").
	 * @return the families this call revoked
	 */
	List<RefreshFamily> revokeAllForSubject(String subject, Instant now);

	/**
	 * Deletes up to {@code batchSize} families (with their token hashes) whose expiry
	 * ({@link RefreshFamily#expiresAt()}) is at or before {@code now}, without locking the whole
	 * table. Call repeatedly until it returns less than {@code batchSize}.
	 * @return how many families were deleted
	 */
	int sweepExpired(Instant now, int batchSize);
}
