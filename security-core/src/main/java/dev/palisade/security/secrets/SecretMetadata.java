package dev.palisade.security.secrets;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What is known about a secret without reading a value: its versions and its custom metadata, the
 * plain, non-secret facts stored beside it (a provider name, an {@code access_key_id}, a masked
 * preview), like Vault KV v2's {@code custom_metadata}.
 *
 * @param path where it lives
 * @param currentVersion the latest version
 * @param versions the versions still kept, oldest first
 * @param customMetadata plain facts stored with the secret
 */
public record SecretMetadata(SecretPath path, long currentVersion, List<SecretVersion> versions,
		Map<String, String> customMetadata) {

	public SecretMetadata {
		versions = List.copyOf(versions);
		customMetadata = Map.copyOf(customMetadata);
	}

	/** When the latest version was written. */
	public Instant updatedAt() {
		return this.versions.get(this.versions.size() - 1).createdAt();
	}

}
