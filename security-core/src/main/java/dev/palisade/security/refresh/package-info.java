/**
 * Opaque refresh tokens in families, with rotation on every use, reuse detection and revocation.
 *
 * <p>{@link dev.palisade.security.refresh.RefreshTokenService} is the entry point: {@code issue}
 * starts a family (one sign-in), {@code rotate} exchanges a token for the next one and revokes the
 * family when any token of it but the newest comes back, {@code revokeToken}/{@code revokeFamily}/
 * {@code revokeAllForSubject} end families. Tokens are {@code <prefix>_} + base64url(the family's
 * random 16-byte handle + 32 random bytes); stores only ever receive the handle and the SHA-256
 * hash ({@link dev.palisade.security.refresh.RefreshTokenKey}) and keep the newest hash only. Stores:
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
