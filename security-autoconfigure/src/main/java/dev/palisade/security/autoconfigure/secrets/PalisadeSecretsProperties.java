package dev.palisade.security.autoconfigure.secrets;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The secret store ({@code palisade.secrets}). Off until a backend is named. Every read and write is
 * audited; reads are cached for {@code cache.ttl} and, while the backend is down, served stale for at
 * most {@code cache.max-stale} more.
 *
 * @param backend Local (an encrypted directory, sealed with the AEAD keyring) or vault.
 * @param local The local store.
 * @param vault HashiCorp Vault.
 * @param cache The read cache.
 */
@ConfigurationProperties("palisade.secrets")
public record PalisadeSecretsProperties(Backend backend, @DefaultValue Local local, @DefaultValue Vault vault,
		@DefaultValue Cache cache) {

	/** Where secrets are kept. */
	public enum Backend {

		/** An encrypted directory on this machine. */
		LOCAL,

		/** HashiCorp Vault's KV version 2 engine. */
		VAULT

	}

	/**
	 * The local store.
	 *
	 * @param directory Where the secret files live (owner-only).
	 * @param maxVersions How many versions of each secret are kept.
	 */
	public record Local(@DefaultValue("./data/secrets") Path directory, @DefaultValue("10") int maxVersions) {
	}

	/**
	 * HashiCorp Vault.
	 *
	 * @param uri Vault's address, such as https://vault.internal:8200.
	 * @param authentication Token or approle.
	 * @param token The token for token authentication.
	 * @param appRole The AppRole for approle authentication.
	 * @param kvMount The mount of the KV version 2 engine.
	 * @param pathPrefix A prefix put before every secret path in the mount, such as palisade.
	 * @param transit Optional Transit envelope encryption of the values before they reach KV.
	 * @param connectTimeout How long to wait for a connection.
	 * @param readTimeout How long to wait for an answer.
	 */
	public record Vault(URI uri, @DefaultValue("token") String authentication, String token, @DefaultValue AppRole appRole,
			@DefaultValue("secret") String kvMount, @DefaultValue("") String pathPrefix, @DefaultValue Transit transit,
			@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {

		@Override
		public String toString() {
			return "Vault[uri=" + this.uri + ", authentication=" + this.authentication + ", kvMount=" + this.kvMount + "]";
		}
	}

	/**
	 * AppRole authentication.
	 *
	 * @param roleId The role id.
	 * @param secretId The secret id.
	 * @param path The AppRole auth mount.
	 */
	public record AppRole(String roleId, String secretId, @DefaultValue("approle") String path) {

		@Override
		public String toString() {
			return "AppRole[path=" + this.path + "]";
		}
	}

	/**
	 * Transit envelope encryption: each value is sealed with a fresh data key from
	 * {@code transit/datakey/plaintext/{key-name}}; only the wrapped data key is stored beside it.
	 *
	 * @param enabled Whether to seal values before writing them to KV.
	 * @param mount The Transit engine's mount.
	 * @param keyName The Transit key that wraps data keys.
	 */
	public record Transit(@DefaultValue("false") boolean enabled, @DefaultValue("transit") String mount,
			@DefaultValue("palisade") String keyName) {
	}

	/**
	 * The read cache.
	 *
	 * @param ttl How long a read is served from the cache.
	 * @param maxStale How much longer a cached read is served while the backend is unavailable.
	 * @param maximumSize How many secrets are cached.
	 */
	public record Cache(@DefaultValue("30s") Duration ttl, @DefaultValue("10m") Duration maxStale,
			@DefaultValue("10000") long maximumSize) {
	}

}
