package dev.palisade.security.apikey;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A read-only {@link ApiKeyStore} of keys declared in configuration as hashes, for small
 * deployments. Creating, revoking or rotating a key means changing the configuration, so
 * {@link #save}, {@link #revoke}, {@link #claimForRotation} and
 * {@link #releaseRotationClaim} throw {@link ApiKeyStoreException}; a
 * declared {@code revokedAt} or {@code expiresAt} is honoured. Last-use times are kept in memory
 * only.
 */
public final class StaticApiKeyStore implements ApiKeyStore {

	private final Map<String, ApiKeyRecord> records;

	private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();

	/**
	 * @param records the declared keys
	 * @throws IllegalArgumentException if two records share a key id
	 */
	public StaticApiKeyStore(Collection<ApiKeyRecord> records) {
		Map<String, ApiKeyRecord> byId = new LinkedHashMap<>();
		for (ApiKeyRecord record : records) {
			if (byId.putIfAbsent(record.id(), record) != null) {
				throw new IllegalArgumentException("two declared API keys have the same id");
			}
		}
		this.records = Map.copyOf(byId);
	}

	@Override
	public Optional<ApiKeyRecord> findById(String keyId) {
		ApiKeyRecord record = this.records.get(keyId);
		if (record == null) {
			return Optional.empty();
		}
		Instant used = this.lastUsed.get(keyId);
		return Optional.of((used != null) ? record.withLastUsedAt(used) : record);
	}

	@Override
	public void save(ApiKeyRecord record) {
		throw readOnly();
	}

	@Override
	public boolean revoke(String keyId, Instant revokedAt) {
		throw readOnly();
	}

	@Override
	public boolean claimForRotation(String keyId, Instant graceUntil, Instant now) {
		throw readOnly();
	}

	@Override
	public boolean releaseRotationClaim(String keyId, Instant graceUntil) {
		throw readOnly();
	}

	@Override
	public void updateLastUsed(Map<String, Instant> lastUsedByKeyId) {
		lastUsedByKeyId.forEach((keyId, usedAt) -> {
			if (this.records.containsKey(keyId)) {
				this.lastUsed.merge(keyId, usedAt, (a, b) -> a.isAfter(b) ? a : b);
			}
		});
	}

	@Override
	public List<ApiKeyRecord> listByOrg(String org) {
		return this.records.keySet()
			.stream()
			.map(this::findById)
			.map(Optional::orElseThrow)
			.filter((record) -> record.org().equals(org))
			.sorted(Comparator.comparing(ApiKeyRecord::createdAt).reversed().thenComparing(ApiKeyRecord::id))
			.toList();
	}

	private static ApiKeyStoreException readOnly() {
		return new ApiKeyStoreException("API keys declared in configuration are read-only: change the configuration");
	}

	@Override
	public String toString() {
		return "StaticApiKeyStore[size=" + this.records.size() + "]";
	}

}
