package dev.palisade.security.refresh;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import dev.palisade.security.audit.AuditWriteException;

/**
 * Issues, rotates and revokes opaque refresh tokens grouped in families (one family per sign-in).
 * Every rotation kills the presented token and issues a new one in the same family. A token names
 * its family by a random handle, so presenting any token of a live family other than its newest
 * (a rotated token replayed, or a forged secret behind a real handle) revokes the whole family.
 * Only the handle and the SHA-256 hash reach the store ({@link RefreshTokenKey}); malformed tokens
 * are rejected before the store is asked.
 */
public final class RefreshTokenService {

	private static final System.Logger LOG = System.getLogger(RefreshTokenService.class.getName());

	private final RefreshTokenStore store;

	private final RefreshTokenPolicy policy;

	private final Clock clock;

	private final RefreshTokenListener listener;

	private final RefreshTokenFormat format;

	public RefreshTokenService(RefreshTokenStore store, RefreshTokenPolicy policy, Clock clock,
			RefreshTokenListener listener) {
		this.store = Objects.requireNonNull(store, "store");
		this.policy = Objects.requireNonNull(policy, "policy");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.listener = Objects.requireNonNull(listener, "listener");
		this.format = new RefreshTokenFormat(policy.prefix(), new SecureRandom());
	}

	/** A service with the default policy, the system clock and no listener. */
	public RefreshTokenService(RefreshTokenStore store) {
		this(store, RefreshTokenPolicy.defaults(), Clock.systemUTC(), RefreshTokenListener.NONE);
	}

	/** Starts a new family (a sign-in) and returns its first token. */
	public IssuedRefreshToken issue(RefreshGrant grant) {
		Objects.requireNonNull(grant, "grant");
		Instant now = this.clock.instant();
		Instant absolute = now.plus(this.policy.absoluteLifetime());
		RefreshFamily family = new RefreshFamily(this.format.newFamilyId(), grant, now, absolute,
				now.plus(this.policy.idleTimeout()), FamilyState.ACTIVE, null);
		byte[] handle = this.format.newHandle();
		String token = this.format.generate(handle);
		this.store.createFamily(family, RefreshTokenFormat.keyOf(handle, token));
		notifyListener((l) -> l.onIssued(family));
		return new IssuedRefreshToken(token, family.familyId(), family.expiresAt(), absolute);
	}

	/**
	 * Exchanges a presented token for a new one of the same family. Never throws for a bad token;
	 * see {@link RotationResult#orElseThrow()}.
	 * @throws RefreshTokenStoreException if the store failed (nothing was rotated)
	 */
	public RotationResult rotate(String presentedToken) {
		RefreshTokenKey presented = this.format.parse(presentedToken);
		if (presented == null) {
			notifyListener((l) -> l.onRejected(RotationFailure.MALFORMED, null));
			return new RotationResult.Rejected(RotationFailure.MALFORMED);
		}
		// a legacy token's family gets its handle with this rotation
		byte[] handle = presented.isLegacy() ? this.format.newHandle() : presented.handle();
		String next = this.format.generate(handle);
		StoreRotation outcome = this.store.rotate(presented, RefreshTokenFormat.keyOf(handle, next),
				this.clock.instant(), this.policy.idleTimeout());
		RefreshFamily family = outcome.family();
		if (outcome.isRotated()) {
			notifyListener((l) -> l.onRotated(family));
			return new RotationResult.Rotated(
					new IssuedRefreshToken(next, family.familyId(), family.expiresAt(), family.absoluteExpiresAt()),
					family.grant());
		}
		if (outcome.failure() == RotationFailure.REUSED) {
			notifyListener((l) -> l.onReuseDetected(family));
		}
		notifyListener((l) -> l.onRejected(outcome.failure(), family));
		return new RotationResult.Rejected(outcome.failure());
	}

	/**
	 * Revokes the family of a presented token (RFC 7009: revoking a refresh token ends the grant it
	 * belongs to). Malformed or unknown tokens are ignored, as RFC 7009 asks.
	 * @return whether a family was revoked by this call
	 */
	public boolean revokeToken(String token) {
		RefreshTokenKey key = this.format.parse(token);
		if (key == null) {
			return false;
		}
		Optional<RefreshFamily> family = this.store.findFamilyByToken(key);
		return family.isPresent() && revokeFamily(family.get().familyId());
	}

	/**
	 * Revokes one family.
	 * @return whether the family existed and was active
	 */
	public boolean revokeFamily(String familyId) {
		Objects.requireNonNull(familyId, "familyId");
		Optional<RefreshFamily> revoked = this.store.revokeFamily(familyId, this.clock.instant());
		revoked.ifPresent((family) -> notifyListener((l) -> l.onRevoked(family)));
		return revoked.isPresent();
	}

	/**
	 * Revokes every family of a subject ("sign out everywhere").
	 * @return how many families this call revoked
	 */
	public int revokeAllForSubject(String subject) {
		Objects.requireNonNull(subject, "subject");
		List<RefreshFamily> revoked = this.store.revokeAllForSubject(subject, this.clock.instant());
		for (RefreshFamily family : revoked) {
			notifyListener((l) -> l.onRevoked(family));
		}
		return revoked.size();
	}

	/** The family with this id, for administration views. */
	public Optional<RefreshFamily> findFamily(String familyId) {
		return this.store.findFamily(Objects.requireNonNull(familyId, "familyId"));
	}

	/**
	 * Deletes expired families in batches of {@code batchSize} until none are left; meant for a
	 * scheduled task.
	 * @return how many families were deleted
	 */
	public int sweepExpired(int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be positive");
		}
		Instant now = this.clock.instant();
		int total = 0;
		int deleted;
		do {
			deleted = this.store.sweepExpired(now, batchSize);
			total += deleted;
		}
		while (deleted == batchSize);
		return total;
	}

	private void notifyListener(Consumer<RefreshTokenListener> event) {
		try {
			event.accept(this.listener);
		}
		catch (AuditWriteException ex) {
			// the audit log's fail-closed refusal is the caller's answer (503), as for every recorder
			throw ex;
		}
		catch (RuntimeException ex) {
			LOG.log(Level.WARNING, "Refresh-token listener failed: " + ex.getClass().getName());
		}
	}
}
