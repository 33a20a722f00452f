package dev.palisade.security.refresh;

import java.time.Instant;

/**
 * Access-token ids ({@code jti}) revoked before their expiry, consulted on every verification so
 * a revoked access token dies at once. An entry lives exactly until its token's {@code exp}
 * (after that the token is refused anyway). The answer is exact: an id is denied if and only if
 * it was denied and has not expired. No implementation ever denies tokens it was not asked to:
 * when an implementation cannot take one more revocation it refuses that revocation
 * ({@link DenyListFullException}), so the revoking caller learns it and nobody else is locked out.
 * <p>
 * {@link LocalAccessTokenDenyList} serves one node; {@code RedisAccessTokenDenyList} shares
 * revocations between nodes through Redis.
 */
public interface AccessTokenDenyList {

	/** Default bound on live entries (roughly 10 MB of heap). */
	long DEFAULT_MAXIMUM_SIZE = 100_000;

	/**
	 * Denies the access token with this id until {@code expiresAt}; a token already expired is not
	 * recorded. Denying the same id again keeps the later expiry.
	 * @throws DenyListFullException when the bound of live entries is reached; the token stays valid
	 */
	void deny(String jti, Instant expiresAt);

	/** Whether an access token with this id was denied and has not expired; {@code false} for {@code null}. */
	boolean isDenied(String jti);

	/** Approximate number of live entries. */
	long size();
}
