package dev.palisade.security.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a real store and counts how often it is read or written. */
class CountingApiKeyStore implements ApiKeyStore {

	private final ApiKeyStore delegate;

	final AtomicInteger finds = new AtomicInteger();

	final AtomicInteger calls = new AtomicInteger();

	CountingApiKeyStore(ApiKeyStore delegate) {
		this.delegate = delegate;
	}

	@Override
	public Optional<ApiKeyRecord> findById(String keyId) {
		this.finds.incrementAndGet();
		this.calls.incrementAndGet();
		return this.delegate.findById(keyId);
	}

	@Override
	public void save(ApiKeyRecord record) {
		this.calls.incrementAndGet();
		this.delegate.save(record);
	}

	@Override
	public boolean revoke(String keyId, Instant revokedAt) {
		this.calls.incrementAndGet();
		return this.delegate.revoke(keyId, revokedAt);
	}

	@Override
	public boolean claimForRotation(String keyId, Instant graceUntil, Instant now) {
		this.calls.incrementAndGet();
		return this.delegate.claimForRotation(keyId, graceUntil, now);
	}

	@Override
	public boolean releaseRotationClaim(String keyId, Instant graceUntil) {
		this.calls.incrementAndGet();
		return this.delegate.releaseRotationClaim(keyId, graceUntil);
	}

	@Override
	public void updateLastUsed(Map<String, Instant> lastUsedByKeyId) {
		this.calls.incrementAndGet();
		this.delegate.updateLastUsed(lastUsedByKeyId);
	}

	@Override
	public List<ApiKeyRecord> listByOrg(String org) {
		this.calls.incrementAndGet();
		return this.delegate.listByOrg(org);
	}

}
