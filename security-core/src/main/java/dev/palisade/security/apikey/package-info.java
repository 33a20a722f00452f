/**
 * API keys: {@code <prefix>_<key id>_<secret>_<checksum>} keys ({@link dev.palisade.security.apikey.ApiKeyFormat}),
 * stored only as {@code HMAC-SHA256(pepper, key)} ({@link dev.palisade.security.apikey.ApiKeyHasher}), verified by
 * {@link dev.palisade.security.apikey.ApiKeyVerifier} (checksum, cache, store, constant-time HMAC, status) and
 * managed by {@link dev.palisade.security.apikey.ApiKeyService} (create with scope check, list masked, revoke,
 * rotate with grace period). Stores: {@link dev.palisade.security.apikey.StaticApiKeyStore} (declared hashes),
 * {@link dev.palisade.security.apikey.InMemoryApiKeyStore}, and {@code jdbc.JdbcApiKeyStore}.
 * <p>
 * Revocation takes effect at once on the node that revoked, and on every other node within the verifier's cache
 * TTL (default 30 s). A verified key becomes a principal with kind {@code API_KEY} and the key id as subject.
 */
package dev.palisade.security.apikey;
