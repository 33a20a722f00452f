package dev.palisade.security.autoconfigure.crypto;

import java.nio.file.Path;
import java.util.List;

import dev.palisade.security.crypto.aead.AeadAlgorithm;
import dev.palisade.security.crypto.keyring.KeyStatus;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The AEAD keyring ({@code palisade.crypto.aead}) that field encryption and the local secret store
 * seal with. Keys come from {@code keys} (base64 in configuration, typically from environment
 * variables or a {@code ${palisade-secret:...}} placeholder) or, when none are listed, from
 * {@code file}, generated there on first start when {@code generate} is on, or from the Vault
 * secret store when {@code secret} names a field holding the keyring's text
 * ({@code AeadKeyringFile} format).
 *
 * @param enabled Whether to provide the AEAD beans even when no secret store needs them.
 * @param primary The id of the key that encrypts (required with keys).
 * @param keys Keys given in configuration.
 * @param file The keyring file (owner-only), used when keys is empty.
 * @param generate Whether to generate file with one key when it does not exist.
 * @param algorithm The algorithm of a generated key.
 * @param secret A field of the secret store, as path#field, that holds the whole keyring as text
 * (the keyring file's format); needs palisade.secrets.backend vault, since the local store is itself
 * sealed with this keyring. Takes precedence over keys and file.
 */
@ConfigurationProperties("palisade.crypto.aead")
public record PalisadeAeadProperties(@DefaultValue("false") boolean enabled, String primary, List<Key> keys,
		@DefaultValue("./data/keys/aead.keyring") Path file, @DefaultValue("true") boolean generate,
		@DefaultValue("AES_256_GCM") AeadAlgorithm algorithm, String secret) {

	public PalisadeAeadProperties {
		keys = (keys != null) ? List.copyOf(keys) : List.of();
	}

	/**
	 * One key given in configuration.
	 *
	 * @param id The key id every ciphertext of this key carries.
	 * @param algorithm Its algorithm.
	 * @param status ENABLED (decrypts; encrypts when primary), DISABLED or DESTROYED.
	 * @param key 32 bytes, base64.
	 */
	public record Key(String id, @DefaultValue("AES_256_GCM") AeadAlgorithm algorithm,
			@DefaultValue("ENABLED") KeyStatus status, String key) {

		@Override
		public String toString() {
			return "Key[id=" + this.id + ", algorithm=" + this.algorithm + ", status=" + this.status + "]";
		}
	}

}
