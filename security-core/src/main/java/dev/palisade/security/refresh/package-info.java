/**
 * Opaque refresh tokens in families, with rotation on every use, reuse detection and revocation.
 *
 * <p>{@link dev.palisade.security.refresh.RefreshTokenService} is the entry point: {@code issue}
 * starts a family (one sign-in), {@code rotate} exchanges a token for the next one and revokes the
 * family when a rotated token comes back, {@code revokeToken}/{@code revokeFamily}/
 * {@code revokeAllForSubject} end families. Tokens are {@code <prefix>_} + base64url(32 random
 * bytes); stores only ever receive SHA-256 hashes. Stores:
 * {@link dev.palisade.security.refresh.InMemoryRefreshTokenStore} (default),
 * {@code refresh.jdbc.JdbcRefreshTokenStore} (PostgreSQL, H2) and
 * {@code refresh.redis.RedisRefreshTokenStore}.
 *
 * <p>Reuse is strict: there is no grace interval, so a client that sends the same token twice
 * concurrently loses the family (the second request is indistinguishable from a replay).
 *
 * <p>{@link dev.palisade.security.refresh.AccessTokenDenyList} makes revoked access tokens die
 * before their {@code exp}: per node ({@code LocalAccessTokenDenyList}) or shared through Redis
 * ({@code refresh.redis.RedisAccessTokenDenyList}).
 */
package dev.palisade.security.refresh;
