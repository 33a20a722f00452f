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
	public boolean claimForRotation(String keyId, Instant graceUntil, Instant now) {
		boolean[] claimed = { false };
		// computeIfPresent runs atomically per key: concurrent claims see each other's result
		this.records.computeIfPresent(keyId, (id, record) -> {
			if (record.revokedAt() != null || record.graceUntil() != null
					|| (record.expiresAt() != null && !now.isBefore(record.expiresAt()))) {
				return record;
			}
			claimed[0] = true;
			return record.withGraceUntil(graceUntil);
		});
		return claimed[0];
	}

	@Override
	public boolean releaseRotationClaim(String keyId, Instant graceUntil) {
		boolean[] released = { false };
		this.records.computeIfPresent(keyId, (id, record) -> {
			if (!graceUntil.equals(record.graceUntil())) {
				return record;
			}
			released[0] = true;
			return record.withGraceUntil(null);
		});
		return released[0];
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
