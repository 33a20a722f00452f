package dev.palisade.security.apikey;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link ApiKeyStore} in a concurrent map: for tests and single-node deployments whose keys
 * may vanish on restart.
 */
public final class InMemoryApiKeyStore implements ApiKeyStore {

	private final Map<String, ApiKeyRecord> records = new ConcurrentHashMap<>();

	@Override
	public Optional<ApiKeyRecord> findById(String keyId) {
		return Optional.ofNullable(this.records.get(keyId));
	}

	@Override
	public void save(ApiKeyRecord record) {
		if (this.records.putIfAbsent(record.id(), record) != null) {
			throw new ApiKeyStoreException("an API key with this id exists already");
		}
	}

	@Override
	public boolean revoke(String keyId, Instant revokedAt) {
		return this.records.computeIfPresent(keyId,
				(id, record) -> (record.revokedAt() != null) ? record : record.withRevokedAt(revokedAt)) != null;
	}

	@Override
	public boolean endGraceAt(String keyId, Instant graceUntil) {
		return this.records.computeIfPresent(keyId, (id, record) -> (record.graceUntil() != null
				&& !record.graceUntil().isAfter(graceUntil)) ? record : record.withGraceUntil(graceUntil)) != null;
	}

	@Override
	public void updateLastUsed(Map<String, Instant> lastUsedByKeyId) {
		lastUsedByKeyId.forEach((keyId, usedAt) -> this.records.computeIfPresent(keyId,
				(id, record) -> (record.lastUsedAt() != null && !record.lastUsedAt().isBefore(usedAt)) ? record
						: record.withLastUsedAt(usedAt)));
	}

	@Override
	public List<ApiKeyRecord> listByOrg(String org) {
		return this.records.values()
			.stream()
			.filter((record) -> record.org().equals(org))
			.sorted(Comparator.comparing(ApiKeyRecord::createdAt).reversed().thenComparing(ApiKeyRecord::id))
			.toList();
	}

	@Override
	public String toString() {
		return "InMemoryApiKeyStore[size=" + this.records.size() + "]";
	}

}
