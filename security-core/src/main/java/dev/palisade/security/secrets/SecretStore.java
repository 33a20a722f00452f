package dev.palisade.security.secrets;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets by path, each a map of fields with numbered versions, like Vault's KV version 2 engine.
 * Backends: {@link LocalSecretStore} (an encrypted directory) and, in the auto-configuration module,
 * Vault KV v2. Every write is a check-and-set: pass the version you read ({@link #NEW} to create), and
 * a concurrent writer makes it fail with {@link SecretVersionConflictException} instead of being
 * silently overwritten; {@link #ANY_VERSION} opts out.
 * <p>
 * Failures: {@link SecretStoreUnavailableException} when the backend is down or refuses the store,
 * {@link SecretStoreCorruptedException} when stored data does not verify, {@link InvalidSecretException}
 * for a path or field the store does not accept.
 */
public interface SecretStore {

	/** The expected version that creates a secret, failing if it exists. */
	long NEW = 0;

	/** The expected version that writes whatever the current version is. */
	long ANY_VERSION = -1;

	/** The latest version of the secret at {@code path}, or empty if there is none. */
	Optional<Secret> get(SecretPath path);

	/** Version {@code version} of the secret at {@code path}, or empty if it is not kept. */
	Optional<Secret> get(SecretPath path, long version);

	/** Versions and custom metadata of the secret at {@code path}, without reading a value. */
	Optional<SecretMetadata> metadata(SecretPath path);

	/**
	 * Writes a new version.
	 * @param data the fields of the new version
	 * @param customMetadata plain facts kept beside the secret (replaces the previous ones); never secret values
	 * @param expectedVersion the current version the writer saw, {@link #NEW} or {@link #ANY_VERSION}
	 * @return the new version
	 * @throws SecretVersionConflictException if the current version is not {@code expectedVersion}
	 */
	SecretVersion put(SecretPath path, Map<String, String> data, Map<String, String> customMetadata, long expectedVersion);

	/** Deletes the secret with every version and its metadata; whether there was one. */
	boolean delete(SecretPath path);

	/**
	 * The names directly under {@code prefix} ({@code ""} for the top), sorted; a name that has secrets
	 * below it ends with {@code /}, as Vault lists.
	 */
	List<String> list(String prefix);

}
