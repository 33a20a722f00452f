package dev.palisade.security.autoconfigure.secrets;

import java.util.Base64;
import java.util.Map;
import java.util.Objects;

import dev.palisade.security.secrets.SecretStoreCorruptedException;

import org.springframework.vault.VaultException;
import org.springframework.vault.core.VaultOperations;
import org.springframework.vault.support.VaultResponse;
import org.springframework.web.client.RestClientException;

/**
 * Data keys from Vault's Transit engine for envelope encryption. {@code VaultTransitOperations} has
 * encrypt, decrypt and rewrap but no data-key call, so a key is made with the template's raw
 * {@code write} to {@code transit/datakey/plaintext/{key}}; unwrapping is a raw {@code transit/decrypt}
 * (binary plaintext, which the String-returning decrypt would mangle), rewrap is Spring Vault's.
 */
public final class TransitDataKeys {

	private final VaultOperations vault;

	private final String mount;

	private final String keyName;

	public TransitDataKeys(VaultOperations vault, String mount, String keyName) {
		this.vault = Objects.requireNonNull(vault, "vault");
		this.mount = Objects.requireNonNull(mount, "mount");
		this.keyName = Objects.requireNonNull(keyName, "keyName");
	}

	/** A fresh 256-bit data key and its wrapped form. */
	public DataKey generate() {
		VaultResponse response = call(() -> this.vault.write(this.mount + "/datakey/plaintext/" + this.keyName,
				Map.of("bits", 256)));
		Map<String, Object> data = (response != null) ? response.getData() : null;
		if (data == null || data.get("plaintext") == null || data.get("ciphertext") == null) {
			throw new SecretStoreCorruptedException("Vault Transit answered a data-key request without a key");
		}
		return new DataKey(Base64.getDecoder().decode(data.get("plaintext").toString()), data.get("ciphertext").toString());
	}

	/** The plaintext of a wrapped data key. */
	public byte[] unwrap(String wrapped) {
		VaultResponse response = call(() -> this.vault.write(this.mount + "/decrypt/" + this.keyName,
				Map.of("ciphertext", wrapped)));
		Map<String, Object> data = (response != null) ? response.getData() : null;
		if (data == null || data.get("plaintext") == null) {
			throw new SecretStoreCorruptedException("Vault Transit answered a decrypt without a plaintext");
		}
		return Base64.getDecoder().decode(data.get("plaintext").toString());
	}

	/** The wrapped key re-wrapped with Transit's latest key version. */
	public String rewrap(String wrapped) {
		return call(() -> this.vault.opsForTransit(this.mount).rewrap(this.keyName, wrapped));
	}

	private static <T> T call(java.util.function.Supplier<T> request) {
		try {
			return request.get();
		}
		catch (VaultException | RestClientException ex) {
			throw VaultKvSecretStore.translate(null, ex);
		}
	}

	/**
	 * A data key.
	 *
	 * @param plaintext the key, to use once and wipe
	 * @param wrapped the key wrapped by Transit ({@code vault:v1:...}), to store
	 */
	public record DataKey(byte[] plaintext, String wrapped) {

		@Override
		public String toString() {
			return "DataKey[wrapped]";
		}
	}

}
