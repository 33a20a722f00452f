package dev.palisade.security.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where API key records live: declared in configuration ({@link StaticApiKeyStore}), in memory
 * ({@link InMemoryApiKeyStore}) or in a database ({@code apikey.jdbc.JdbcApiKeyStore}).
 * Implementations are thread-safe and throw {@link ApiKeyStoreException} when they cannot
 * complete an operation. Timestamps may be stored with microsecond precision.
 */
public interface ApiKeyStore {

	/** The record with this key id, if any. */
	Optional<ApiKeyRecord> findById(String keyId);

	/**
	 * Adds a new record.
	 * @throws ApiKeyStoreException if the id exists already or the store is read-only
	 */
	void save(ApiKeyRecord record);

	/**
	 * Marks a key revoked at {@code revokedAt}, unless it is revoked already.
	 * @return whether a key with this id exists
	 */
	boolean revoke(String keyId, Instant revokedAt);

	/**
	 * Claims a key for rotation in one atomic step: sets its end of grace to {@code graceUntil}
	 * only if it exists, is not revoked, was not rotated already (has no end of grace) and has not
	 * expired at {@code now}. Of several concurrent claims on one key exactly one wins, and no
	 * claim wins after a revocation.
	 * @return whether this call claimed the key
	 */
	boolean claimForRotation(String keyId, Instant graceUntil, Instant now);

	/**
	 * Undoes a claim made by {@link #claimForRotation} whose successor key could not be saved:
	 * clears the end of grace if it is still {@code graceUntil} (a revocation stays).
	 * @return whether the claim was released
	 */
	boolean releaseRotationClaim(String keyId, Instant graceUntil);

	/**
	 * Records last-use times in one batch. A time only replaces an earlier one, so batches can
	 * arrive in any order; unknown ids are ignored.
	 */
	void updateLastUsed(Map<String, Instant> lastUsedByKeyId);

	/** All keys of an organisation, newest first. */
	List<ApiKeyRecord> listByOrg(String org);

}
