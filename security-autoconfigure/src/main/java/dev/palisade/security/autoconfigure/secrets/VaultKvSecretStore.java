package dev.palisade.security.autoconfigure.secrets;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import dev.palisade.security.crypto.aead.AeadAlgorithm;
import dev.palisade.security.crypto.aead.AeadException;
import dev.palisade.security.crypto.aead.AeadKey;
import dev.palisade.security.crypto.aead.KeyringAead;
import dev.palisade.security.crypto.keyring.Keyring;
import dev.palisade.security.secrets.Secret;
import dev.palisade.security.secrets.SecretMetadata;
import dev.palisade.security.secrets.SecretPath;
import dev.palisade.security.secrets.SecretStore;
import dev.palisade.security.secrets.SecretStoreCorruptedException;
import dev.palisade.security.secrets.SecretStoreException;
import dev.palisade.security.secrets.SecretStoreUnavailableException;
import dev.palisade.security.secrets.SecretVersion;
import dev.palisade.security.secrets.SecretVersionConflictException;

import org.springframework.vault.VaultException;
import org.springframework.vault.client.VaultClientResponseException;
import org.springframework.vault.core.VaultOperations;
import org.springframework.vault.support.VaultResponse;
import org.springframework.web.client.RestClientException;

/**
 * {@link SecretStore} over HashiCorp Vault's KV version 2 engine through Spring Vault's
 * {@link VaultOperations}, on the documented HTTP API: {@code data/} to read and write (every write
 * a check-and-set with {@code options.cas} unless {@link #ANY_VERSION}), {@code metadata/} for versions,
 * custom metadata, listing and delete.
 * <p>
 * With {@link TransitDataKeys}, values are sealed before they reach KV: each write asks Transit for
 * a fresh data key ({@code transit/datakey/plaintext/...}), seals every field with it (AES-256-GCM,
 * bound to path and field) and stores only the wrapped key beside them; a read unwraps it with one
 * {@code transit/decrypt} call. {@link #rewrap} moves a stored data key to Transit's latest key version.
 * <p>
 * Failures: Vault unreachable, 5xx, or 403 (the store's own token lacks a policy) are
 * {@link SecretStoreUnavailableException}; a lost check-and-set is {@link SecretVersionConflictException}.
 * Custom metadata is a second request after the data write, so it is not atomic with it.
 */
public final class VaultKvSecretStore implements SecretStore {

	/** The KV field that holds the Transit-wrapped data key of an enveloped secret. */
	public static final String WRAPPED_KEY_FIELD = "palisade_wrapped_key";

	private final VaultOperations vault;

	private final String mount;

	private final String prefix;

	private final TransitDataKeys dataKeys;

	/**
	 * @param mount the KV v2 mount, such as {@code secret}
	 * @param prefix put before every path inside the mount ({@code ""} for none)
	 * @param dataKeys Transit envelope encryption, or {@code null} to store values as Vault receives them
	 */
	public VaultKvSecretStore(VaultOperations vault, String mount, String prefix, TransitDataKeys dataKeys) {
		this.vault = Objects.requireNonNull(vault, "vault");
		this.mount = trim(mount);
		this.prefix = trim(prefix).isEmpty() ? "" : trim(prefix) + "/";
		this.dataKeys = dataKeys;
	}

	@Override
	public Optional<Secret> get(SecretPath path) {
		return read(path, dataPath(path));
	}

	@Override
	public Optional<Secret> get(SecretPath path, long version) {
		return read(path, dataPath(path) + "?version=" + version);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Optional<SecretMetadata> metadata(SecretPath path) {
		VaultResponse response = call(path, () -> this.vault.read(metadataPath(path)));
		if (response == null || response.getData() == null) {
			return Optional.empty();
		}
		Map<String, Object> data = response.getData();
		List<SecretVersion> versions = new ArrayList<>();
		Map<String, Map<String, Object>> stored = (Map<String, Map<String, Object>>) data.getOrDefault("versions", Map.of());
		stored.forEach((number, version) -> {
			Object deleted = version.get("deletion_time");
			if (!Boolean.TRUE.equals(version.get("destroyed")) && (deleted == null || deleted.toString().isEmpty())) {
				versions.add(new SecretVersion(Long.parseLong(number), Instant.parse(version.get("created_time").toString())));
			}
		});
		versions.sort(Comparator.comparingLong(SecretVersion::version));
		if (versions.isEmpty()) {
			return Optional.empty();
		}
		Map<String, String> custom = new LinkedHashMap<>();
		if (data.get("custom_metadata") instanceof Map<?, ?> map) {
			map.forEach((key, value) -> custom.put(key.toString(), String.valueOf(value)));
		}
		return Optional.of(new SecretMetadata(path, number(data.get("current_version")), versions, custom));
	}

	@Override
	public SecretVersion put(SecretPath path, Map<String, String> data, Map<String, String> customMetadata,
			long expectedVersion) {
		Map<String, String> fields = Secret.checkData(data);
		Map<String, Object> body = new LinkedHashMap<>();
		if (expectedVersion != ANY_VERSION) {
			body.put("options", Map.of("cas", expectedVersion));
		}
		body.put("data", seal(path, fields));
		VaultResponse response;
		try {
			response = this.vault.write(dataPath(path), body);
		}
		catch (VaultException | RestClientException ex) {
			if (status(ex) == 400 && String.valueOf(ex.getMessage()).contains("check-and-set")) {
				throw new SecretVersionConflictException(path, expectedVersion);
			}
			throw translate(path, ex);
		}
		Map<String, Object> written = (response != null) ? response.getData() : null;
		if (written == null || written.get("version") == null) {
			throw new SecretStoreCorruptedException("Vault answered a write of " + path + " without a version");
		}
		if (customMetadata != null) {
			call(path, () -> this.vault.write(metadataPath(path), Map.of("custom_metadata", customMetadata)));
		}
		return new SecretVersion(number(written.get("version")), Instant.parse(written.get("created_time").toString()));
	}

	@Override
	public boolean delete(SecretPath path) {
		if (metadata(path).isEmpty()) {
			return false;
		}
		call(path, () -> {
			this.vault.delete(metadataPath(path));
			return null;
		});
		return true;
	}

	@Override
	public List<String> list(String prefix) {
		String trimmed = trim(prefix == null ? "" : prefix);
		String where = this.mount + "/metadata/" + this.prefix + trimmed;
		List<String> names = call(null, () -> this.vault.list(where));
		return (names != null) ? names.stream().sorted().toList() : List.of();
	}

	/**
	 * Rewraps the data key of the latest version of an enveloped secret with Transit's latest key
	 * version (Transit {@code rewrap}); the values themselves are not decrypted. A check-and-set write
	 * makes a new version.
	 * @return whether a key was rewrapped
	 */
	public boolean rewrap(SecretPath path) {
		if (this.dataKeys == null) {
			return false;
		}
		VaultResponse response = call(path, () -> this.vault.read(dataPath(path)));
		if (response == null || !(response.getData().get("data") instanceof Map<?, ?> stored)) {
			return false;
		}
		Map<String, Object> data = new LinkedHashMap<>();
		stored.forEach((key, value) -> data.put(key.toString(), value));
		Object wrapped = data.get(WRAPPED_KEY_FIELD);
		if (wrapped == null) {
			return false;
		}
		data.put(WRAPPED_KEY_FIELD, this.dataKeys.rewrap(wrapped.toString()));
		long version = number(((Map<?, ?>) response.getData().get("metadata")).get("version"));
		try {
			this.vault.write(dataPath(path), Map.of("options", Map.of("cas", version), "data", data));
		}
		catch (VaultException | RestClientException ex) {
			if (status(ex) == 400) {
				throw new SecretVersionConflictException(path, version);
			}
			throw translate(path, ex);
		}
		return true;
	}

	@Override
	public String toString() {
		return "VaultKvSecretStore[mount=" + this.mount + ", transit=" + (this.dataKeys != null) + "]";
	}

	private Optional<Secret> read(SecretPath path, String vaultPath) {
		VaultResponse response = call(path, () -> this.vault.read(vaultPath));
		if (response == null || response.getData() == null || !(response.getData().get("data") instanceof Map<?, ?> stored)) {
			return Optional.empty();
		}
		Map<?, ?> metadata = (Map<?, ?>) response.getData().get("metadata");
		Map<String, String> fields = new LinkedHashMap<>();
		stored.forEach((key, value) -> fields.put(key.toString(), String.valueOf(value)));
		return Optional.of(new Secret(path, number(metadata.get("version")), Instant.parse(metadata.get("created_time").toString()),
				open(path, fields)));
	}

	private Map<String, String> seal(SecretPath path, Map<String, String> fields) {
		if (this.dataKeys == null) {
			return fields;
		}
		TransitDataKeys.DataKey dataKey = this.dataKeys.generate();
		try {
			KeyringAead aead = aead(dataKey.plaintext());
			Map<String, String> sealed = new LinkedHashMap<>();
			fields.forEach((field, value) -> sealed.put(field, Base64.getEncoder()
				.encodeToString(aead.encrypt(value.getBytes(StandardCharsets.UTF_8), aad(path, field)))));
			sealed.put(WRAPPED_KEY_FIELD, dataKey.wrapped());
			return sealed;
		}
		finally {
			java.util.Arrays.fill(dataKey.plaintext(), (byte) 0);
		}
	}

	private Map<String, String> open(SecretPath path, Map<String, String> stored) {
		String wrapped = stored.get(WRAPPED_KEY_FIELD);
		if (wrapped == null) {
			return stored;
		}
		if (this.dataKeys == null) {
			throw new SecretStoreCorruptedException("The secret " + path + " is sealed with Transit, which is not configured");
		}
		byte[] key = this.dataKeys.unwrap(wrapped);
		try {
			KeyringAead aead = aead(key);
			Map<String, String> fields = new LinkedHashMap<>();
			for (Map.Entry<String, String> entry : stored.entrySet()) {
				if (entry.getKey().equals(WRAPPED_KEY_FIELD)) {
					continue;
				}
				fields.put(entry.getKey(), new String(aead.decrypt(Base64.getDecoder().decode(entry.getValue()),
						aad(path, entry.getKey())), StandardCharsets.UTF_8));
			}
			return fields;
		}
		catch (AeadException | IllegalArgumentException ex) {
			throw new SecretStoreCorruptedException("The sealed secret " + path + " does not open (moved or altered)");
		}
		finally {
			java.util.Arrays.fill(key, (byte) 0);
		}
	}

	private static KeyringAead aead(byte[] key) {
		return KeyringAead.of(Keyring.of("transit", AeadKey.of(AeadAlgorithm.AES_256_GCM, key)));
	}

	private static byte[] aad(SecretPath path, String field) {
		return ("palisade-vault\0" + path.value() + "\0" + field).getBytes(StandardCharsets.UTF_8);
	}

	private <T> T call(SecretPath path, Supplier<T> request) {
		try {
			return request.get();
		}
		catch (VaultException | RestClientException ex) {
			throw translate(path, ex);
		}
	}

	static SecretStoreException translate(SecretPath path, RuntimeException ex) {
		int status = status(ex);
		String where = (path != null) ? " for " + path : "";
		if (status == 403) {
			return new SecretStoreUnavailableException("Vault refused the store's token" + where
					+ " (403: permission denied); check its policy", ex);
		}
		if (status >= 500) {
			return new SecretStoreUnavailableException("Vault answered " + status + where, ex);
		}
		if (status > 0) {
			return new SecretStoreException("Vault refused the request" + where + " (" + status + ")", ex);
		}
		return new SecretStoreUnavailableException("Vault cannot be reached" + where + ": " + ex.getClass().getSimpleName(), ex);
	}

	static int status(RuntimeException ex) {
		if (ex instanceof VaultClientResponseException response) {
			return response.getStatusCode().value();
		}
		if (ex instanceof org.springframework.web.client.HttpStatusCodeException response) {
			return response.getStatusCode().value();
		}
		String message = String.valueOf(ex.getMessage());
		if (message.startsWith("Status ") && message.length() >= 10) {
			try {
				return Integer.parseInt(message.substring(7, 10));
			}
			catch (NumberFormatException ignored) {
				return 0;
			}
		}
		return 0;
	}

	private String dataPath(SecretPath path) {
		return this.mount + "/data/" + this.prefix + path.value();
	}

	private String metadataPath(SecretPath path) {
		return this.mount + "/metadata/" + this.prefix + path.value();
	}

	private static long number(Object value) {
		return (value instanceof Number number) ? number.longValue() : Long.parseLong(String.valueOf(value));
	}

	private static String trim(String text) {
		String trimmed = text.strip();
		while (trimmed.startsWith("/")) {
			trimmed = trimmed.substring(1);
		}
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

}
