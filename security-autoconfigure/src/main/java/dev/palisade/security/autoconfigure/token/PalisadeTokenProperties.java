package dev.palisade.security.autoconfigure.token;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.palisade.security.token.CryptoProviderPreference;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Access tokens issued and verified by Palisade ({@code palisade.tokens}).
 *
 * @param enabled whether Palisade issues and verifies its own JWT access tokens
 * @param issuer the "iss" claim of issued tokens; verified tokens must carry exactly this value
 * @param audiences the "aud" values of issued tokens; a verified token must name at least one of them
 * @param ttl lifetime of an issued access token
 * @param clockSkew tolerance applied to "exp", "nbf" and "iat" when verifying
 * @param maxLength tokens longer than this many characters are refused before they are parsed
 * @param signing the key that signs issued tokens and the keys that still verify them
 * @param cache the cache of already-verified tokens
 * @param jwks publication of the public keys as a JWK Set
 * @param external tokens from an external identity provider (Keycloak, Auth0, Okta...)
 */
@ConfigurationProperties("palisade.tokens")
public record PalisadeTokenProperties(@DefaultValue("true") boolean enabled, @DefaultValue("palisade") String issuer,
		@DefaultValue("palisade-api") Set<String> audiences, @DefaultValue("15m") Duration ttl,
		@DefaultValue("60s") Duration clockSkew, @DefaultValue("8192") int maxLength, @DefaultValue Signing signing,
		@DefaultValue Cache cache, @DefaultValue Jwks jwks, @DefaultValue External external) {

	/** Where signing keys come from. */
	public enum KeySourceType {

		/** A key generated on first start, persisted to {@code directory} when one is set. */
		GENERATED,

		/** PEM files: a private key for signing, public keys for verification only. */
		PEM,

		/** A JWK or JWK Set document. */
		JWK,

		/** A shared HMAC secret (HS256/384/512 only). */
		SECRET
	}

	/**
	 * The signing key.
	 *
	 * @param algorithm JWS algorithm of the signing key: HS256/384/512, RS256/384/512, PS256, ES256, ES384 or EdDSA
	 * @param kid key id of the signing key; derived from the key (RFC 7638 thumbprint) when absent
	 * @param source where the signing key comes from
	 * @param directory directory where a generated key is persisted; when absent a generated key lives
	 * only in memory and tokens die with the process
	 * @param privateKey PEM file holding the private signing key (source PEM)
	 * @param verificationKeys PEM or JWK files of older public keys that still verify tokens until
	 * removed (rotation without downtime)
	 * @param publishedKeys PEM or JWK files of the next signing keys (with their private part): they are
	 * in the JWK Set and verify from this start on, but sign only once promoted, at run time with
	 * {@code RotatingKeyring.promote(kid)} or at the next start by moving the file to
	 * {@code private-key}, so relying parties that cache the JWK Set already hold the key
	 * @param jwk JWK or JWK Set file (source JWK); with several keys, the one named by {@code kid} signs
	 * @param secret the HMAC secret (source SECRET); at least as many bytes as the hash output
	 * (RFC 7518 §3.2): 32 for HS256, 48 for HS384, 64 for HS512
	 * @param provider JCA provider for ECDSA and EdDSA signatures; when absent, the one measured
	 * fastest (see the token benchmark in the project's README)
	 */
	public record Signing(@DefaultValue("ES256") String algorithm, String kid,
			@DefaultValue("GENERATED") KeySourceType source, Path directory, Resource privateKey,
			List<Resource> verificationKeys, List<Resource> publishedKeys, Resource jwk, String secret,
			CryptoProviderPreference provider) {

		public Signing {
			verificationKeys = (verificationKeys != null) ? List.copyOf(verificationKeys) : List.of();
			publishedKeys = (publishedKeys != null) ? List.copyOf(publishedKeys) : List.of();
			provider = (provider != null) ? provider : CryptoProviderPreference.defaultPreference();
		}

		@Override
		public String toString() {
			return "Signing[algorithm=" + this.algorithm + ", kid=" + this.kid + ", source=" + this.source + "]";
		}
	}

	/**
	 * Cache of verified tokens: a repeated token skips the signature check; expiry, not-before
	 * and revocation are still checked on every use.
	 *
	 * @param enabled whether verified tokens are cached
	 * @param maximumSize the most tokens kept; entries also leave the cache when the token expires
	 */
	public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("10000") long maximumSize) {
	}

	/**
	 * JWK Set publication.
	 *
	 * @param enabled whether the JWK Set is served
	 * @param path the path it is served at; always public
	 */
	public record Jwks(@DefaultValue("true") boolean enabled, @DefaultValue("/.well-known/jwks.json") String path) {
	}

	/**
	 * An external identity provider whose tokens are accepted beside Palisade's own.
	 *
	 * @param issuerUri the provider's issuer; its JWK Set is discovered from OpenID configuration and
	 * the "iss" claim must equal it
	 * @param jwkSetUri the provider's JWK Set, when discovery is not wanted
	 * @param issuer the "iss" claim the provider's tokens must carry; required with {@code jwk-set-uri}
	 * alone ({@code issuer-uri} implies it), since a key set alone would accept tokens of any issuer
	 * @param audiences audiences accepted from this provider; required, since the provider signs
	 * tokens (ID tokens too) for every one of its clients
	 * @param requireAccessTokenType whether the provider's tokens must carry {@code typ: at+jwt}
	 * (many providers send {@code JWT})
	 * @param jwksCacheTtl how long the provider's JWK Set is cached
	 * @param claims claim names the provider uses for roles, permissions and tenant
	 */
	public record External(URI issuerUri, URI jwkSetUri, String issuer, Set<String> audiences,
			@DefaultValue("false") boolean requireAccessTokenType, @DefaultValue("5m") Duration jwksCacheTtl,
			@DefaultValue Claims claims) {

		public External {
			audiences = (audiences != null) ? Set.copyOf(audiences) : Set.of();
		}

		/** Whether an external provider is configured. */
		public boolean isConfigured() {
			return this.issuerUri != null || this.jwkSetUri != null;
		}
	}

	/**
	 * Claim names an external provider uses.
	 *
	 * @param roles the claim holding role names (a list or a space-separated string)
	 * @param permissions the claim holding permissions (a list)
	 * @param scope the claim holding OAuth scopes, read as permissions (a space-separated string)
	 * @param org the claim holding the caller's organisation
	 * @param project the claim holding the caller's project
	 * @param kind the claim holding the caller's kind ({@code user}, {@code service}); absent means user
	 */
	public record Claims(@DefaultValue("roles") String roles, @DefaultValue("permissions") String permissions,
			@DefaultValue("scope") String scope, @DefaultValue("org") String org,
			@DefaultValue("project") String project, @DefaultValue("kind") String kind) {
	}
}
