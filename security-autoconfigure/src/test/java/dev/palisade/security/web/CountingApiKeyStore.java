package dev.palisade.security.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.palisade.security.apikey.ApiKeyRecord;
import dev.palisade.security.apikey.ApiKeyStore;
import dev.palisade.security.apikey.ApiKeyStoreException;
import dev.palisade.security.apikey.InMemoryApiKeyStore;

/** A real in-memory store that counts look-ups and can be switched to fail like a database that is down. */
final class CountingApiKeyStore implements ApiKeyStore {

	private final ApiKeyStore delegate = new InMemoryApiKeyStore();

	final AtomicInteger finds = new AtomicInteger();

	final AtomicBoolean down = new AtomicBoolean();

	@Override
	public Optional<ApiKeyRecord> findById(String keyId) {
		this.finds.incrementAndGet();
		if (this.down.get()) {
			throw new ApiKeyStoreException("connection refused");
		}
		return this.delegate.findById(keyId);
	}

	@Override
	public void save(ApiKeyRecord record) {
		this.delegate.save(record);
	}

	@Override
	public boolean revoke(String keyId, Instant revokedAt) {
		return this.delegate.revoke(keyId, revokedAt);
	}

	@Override
	public boolean claimForRotation(String keyId, Instant graceUntil, Instant now) {
		return this.delegate.claimForRotation(keyId, graceUntil, now);
	}

	@Override
	public boolean releaseRotationClaim(String keyId, Instant graceUntil) {
		return this.delegate.releaseRotationClaim(keyId, graceUntil);
	}

	@Override
	public void updateLastUsed(Map<String, Instant> lastUsedByKeyId) {
		this.delegate.updateLastUsed(lastUsedByKeyId);
	}

	@Override
	public List<ApiKeyRecord> listByOrg(String org) {
		return this.delegate.listByOrg(org);
	}
}
