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
 * @param enabled Whether Palisade issues and verifies its own JWT access tokens.
 * @param issuer The "iss" claim of issued tokens; verified tokens must carry exactly this value.
 * @param audiences The "aud" values of issued tokens; a verified token must name at least one of them.
 * @param ttl Lifetime of an issued access token.
 * @param clockSkew Tolerance applied to "exp", "nbf" and "iat" when verifying.
 * @param maxLength Tokens longer than this many characters are refused before they are parsed.
 * @param signing The key that signs issued tokens and the keys that still verify them.
 * @param cache The cache of already-verified tokens.
 * @param jwks Publication of the public keys as a JWK Set.
 * @param external Tokens from an external identity provider (Keycloak, Auth0, Okta...).
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
	 * @param algorithm JWS algorithm of the signing key: HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 or EdDSA.
	 * @param kid Key id of the signing key; derived from the key (RFC 7638 thumbprint) when absent.
	 * @param source Where the signing key comes from.
	 * @param directory Directory where a generated key is persisted; when absent a generated key lives
	 * only in memory and tokens die with the process.
	 * @param privateKey PEM file holding the private signing key (source PEM).
	 * @param verificationKeys PEM or JWK files of older public keys that still verify tokens until
	 * removed (rotation without downtime).
	 * @param publishedKeys PEM or JWK files of the next signing keys (with their private part): they are
	 * in the JWK Set and verify from this start on, but sign only once promoted, at run time with
	 * RotatingKeyring.promote(kid) or at the next start by moving the file to
	 * private-key, so relying parties that cache the JWK Set already hold the key.
	 * @param jwk JWK or JWK Set file (source JWK); with several keys, the one named by kid signs.
	 * @param secret The HMAC secret (source SECRET); at least as many bytes as the hash output
	 * (RFC 7518 §3.2): 32 for HS256, 48 for HS384, 64 for HS512.
	 * @param provider JCA provider for ECDSA and EdDSA signatures; when absent, the one measured
	 * fastest (see the token benchmark in the project's README).
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
	 * @param enabled Whether verified tokens are cached.
	 * @param maximumSize The most tokens kept; entries also leave the cache when the token expires.
	 */
	public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("10000") long maximumSize) {
	}

	/**
	 * JWK Set publication.
	 *
	 * @param enabled Whether the JWK Set is served.
	 * @param path The path it is served at; always public.
	 */
	public record Jwks(@DefaultValue("true") boolean enabled, @DefaultValue("/.well-known/jwks.json") String path) {
	}

	/**
	 * An external identity provider whose tokens are accepted beside Palisade's own.
	 *
	 * @param issuer The "iss" claim the provider's tokens must carry; required with jwk-set-uri
	 * alone (issuer-uri implies it), since a key set alone would accept tokens of any issuer.
	 * @param issuerUri The provider's issuer; its JWK Set is discovered from OpenID configuration and
	 * the "iss" claim must equal it.
	 * @param jwkSetUri The provider's JWK Set, when discovery is not wanted.
	 * @param audiences Audiences accepted from this provider; required, since the provider signs
	 * tokens (ID tokens too) for every one of its clients.
	 * @param requireAccessTokenType Whether the provider's tokens must carry typ: at+jwt
	 * (many providers send JWT).
	 * @param jwksCacheTtl How long the provider's JWK Set is cached.
	 * @param claims Claim names the provider uses for roles, permissions and tenant.
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
	 * @param roles The claim holding role names (a list or a space-separated string).
	 * @param permissions The claim holding permissions (a list).
	 * @param scope The claim holding OAuth scopes, read as permissions (a space-separated string).
	 * @param org The claim holding the caller's organisation.
	 * @param project The claim holding the caller's project.
	 * @param kind The claim holding the caller's kind (user, service); absent means user.
	 */
	public record Claims(@DefaultValue("roles") String roles, @DefaultValue("permissions") String permissions,
			@DefaultValue("scope") String scope, @DefaultValue("org") String org,
			@DefaultValue("project") String project, @DefaultValue("kind") String kind) {
	}
}
