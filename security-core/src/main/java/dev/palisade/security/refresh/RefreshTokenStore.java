package dev.palisade.security.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of refresh-token families. A store never sees a token, only its
 * {@link RefreshTokenKey}: the family's random handle and the token's SHA-256 hash. A family keeps
 * the hash of its active token only; a token whose handle names a family but whose hash is not
 * the active one is a reused token (or a forged secret behind a leaked handle, which is the same
 * thing to defend against). {@linkplain RefreshTokenKey#isLegacy() Legacy} tokens, issued before
 * handles, are found by hash. The family's state is authoritative: a revoked or expired family
 * makes every one of its tokens useless.
 *
 * <p>Implementations: {@link InMemoryRefreshTokenStore},
 * {@code dev.palisade.security.refresh.jdbc.JdbcRefreshTokenStore},
 * {@code dev.palisade.security.refresh.redis.RedisRefreshTokenStore}. Every method may throw
 * {@link RefreshTokenStoreException} when the backend fails.
 */
public interface RefreshTokenStore {

	/** Stores a new family named by the handle of {@code token}, its first (active) token. */
	void createFamily(RefreshFamily family, RefreshTokenKey token);

	/**
	 * Atomically rotates: if {@code presented} is the active token of an active, unexpired family,
	 * {@code next} (which has the family's handle, or for a legacy token the handle the family gets
	 * now) becomes the family's active token and the family's idle expiry moves to
	 * {@code now + idleTimeout} (capped at the absolute expiry). Of any number of concurrent calls
	 * with the same token at most one succeeds. If the presented token names a family of which it is
	 * not the active token (it was rotated, or it never was issued), the family is revoked and
	 * {@link RotationFailure#REUSED} returned. The checks are those of
	 * {@link RefreshFamily#unusableReason(Instant)}, with reuse checked first.
	 */
	StoreRotation rotate(RefreshTokenKey presented, RefreshTokenKey next, Instant now, Duration idleTimeout);

	/** The family with this id, in whatever state, unless unknown or swept. */
	Optional<RefreshFamily> findFamily(String familyId);

	/** The family the token names (by handle, or a legacy token's by hash), unless unknown or swept. */
	Optional<RefreshFamily> findFamilyByToken(RefreshTokenKey token);

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
