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
 * @param backend {@code local} (an encrypted directory, sealed with the AEAD keyring) or {@code vault}
 * @param local the local store
 * @param vault HashiCorp Vault
 * @param cache the read cache
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
	 * @param directory where the secret files live (owner-only)
	 * @param maxVersions how many versions of each secret are kept
	 */
	public record Local(@DefaultValue("./data/secrets") Path directory, @DefaultValue("10") int maxVersions) {
	}

	/**
	 * HashiCorp Vault.
	 *
	 * @param uri Vault's address, such as {@code https://vault.internal:8200}
	 * @param authentication {@code token} or {@code approle}
	 * @param token the token for {@code token} authentication
	 * @param appRole the AppRole for {@code approle} authentication
	 * @param kvMount the mount of the KV version 2 engine
	 * @param pathPrefix a prefix put before every secret path in the mount, such as {@code palisade}
	 * @param transit optional Transit envelope encryption of the values before they reach KV
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for an answer
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
	 * @param roleId the role id
	 * @param secretId the secret id
	 * @param path the AppRole auth mount
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
	 * @param enabled whether to seal values before writing them to KV
	 * @param mount the Transit engine's mount
	 * @param keyName the Transit key that wraps data keys
	 */
	public record Transit(@DefaultValue("false") boolean enabled, @DefaultValue("transit") String mount,
			@DefaultValue("palisade") String keyName) {
	}

	/**
	 * The read cache.
	 *
	 * @param ttl how long a read is served from the cache
	 * @param maxStale how much longer a cached read is served while the backend is unavailable
	 * @param maximumSize how many secrets are cached
	 */
	public record Cache(@DefaultValue("30s") Duration ttl, @DefaultValue("10m") Duration maxStale,
			@DefaultValue("10000") long maximumSize) {
	}

}
