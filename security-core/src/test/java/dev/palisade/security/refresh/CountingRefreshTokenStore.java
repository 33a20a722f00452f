package dev.palisade.security.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a store and counts every call that reaches it. */
final class CountingRefreshTokenStore implements RefreshTokenStore {

	private final RefreshTokenStore delegate;

	final AtomicInteger calls = new AtomicInteger();

	CountingRefreshTokenStore(RefreshTokenStore delegate) {
		this.delegate = delegate;
	}

	@Override
	public void createFamily(RefreshFamily family, RefreshTokenKey token) {
		this.calls.incrementAndGet();
		this.delegate.createFamily(family, token);
	}

	@Override
	public StoreRotation rotate(RefreshTokenKey presented, RefreshTokenKey next, Instant now, Duration idleTimeout) {
		this.calls.incrementAndGet();
		return this.delegate.rotate(presented, next, now, idleTimeout);
	}

	@Override
	public Optional<RefreshFamily> findFamily(String familyId) {
		this.calls.incrementAndGet();
		return this.delegate.findFamily(familyId);
	}

	@Override
	public Optional<RefreshFamily> findFamilyByToken(RefreshTokenKey token) {
		this.calls.incrementAndGet();
		return this.delegate.findFamilyByToken(token);
	}

	@Override
	public Optional<RefreshFamily> revokeFamily(String familyId, Instant now) {
		this.calls.incrementAndGet();
		return this.delegate.revokeFamily(familyId, now);
	}

	@Override
	public List<RefreshFamily> revokeAllForSubject(String subject, Instant now) {
		this.calls.incrementAndGet();
		return this.delegate.revokeAllForSubject(subject, now);
	}

	@Override
	public int sweepExpired(Instant now, int batchSize) {
		this.calls.incrementAndGet();
		return this.delegate.sweepExpired(now, batchSize);
	}
}
