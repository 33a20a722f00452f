package dev.palisade.security.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The default store: families and their active token hashes in this JVM's memory, lost on restart
 * and not shared between nodes. Every operation holds one monitor, which makes rotation trivially
 * atomic; refresh traffic is far too low for that lock to matter.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

	private final Object lock = new Object();

	/** Hex handle -> the family's id and active token hash. */
	private final Map<String, Entry> byHandle = new HashMap<>();

	private final Map<String, RefreshFamily> families = new HashMap<>();

	/** Family id -> hex handle, so a sweep removes the entry without a scan. */
	private final Map<String, String> handles = new HashMap<>();

	@Override
	public void createFamily(RefreshFamily family, RefreshTokenKey token) {
		Objects.requireNonNull(family, "family");
		String handle = requireHandle(token);
		synchronized (this.lock) {
			if (this.families.containsKey(family.familyId()) || this.byHandle.containsKey(handle)) {
				throw new RefreshTokenStoreException("Duplicate family or handle");
			}
			this.families.put(family.familyId(), family);
			this.byHandle.put(handle, new Entry(family.familyId(), token.hash()));
			this.handles.put(family.familyId(), handle);
		}
	}

	/** Tokens of this store always name their family; a legacy token (from no store of this JVM) is unknown. */
	@Override
	public StoreRotation rotate(RefreshTokenKey presented, RefreshTokenKey next, Instant now, Duration idleTimeout) {
		Objects.requireNonNull(presented, "presented");
		if (!presented.isLegacy() && !requireHandle(next).equals(presented.handleHex())) {
			throw new IllegalArgumentException("the next token names the presented token's family");
		}
		synchronized (this.lock) {
			Entry entry = presented.isLegacy() ? null : this.byHandle.get(presented.handleHex());
			RefreshFamily family = (entry != null) ? this.families.get(entry.familyId) : null;
			if (family == null) {
				return StoreRotation.failed(RotationFailure.UNKNOWN, null);
			}
			if (!presented.hashEquals(entry.activeHash)) {
				if (family.state() == FamilyState.ACTIVE) {
					family = family.revoked(now);
					this.families.put(family.familyId(), family);
				}
				return StoreRotation.failed(RotationFailure.REUSED, family);
			}
			RotationFailure reason = family.unusableReason(now);
			if (reason != null) {
				return StoreRotation.failed(reason, family);
			}
			entry.activeHash = next.hash();
			family = family.withIdleExpiresAt(now.plus(idleTimeout));
			this.families.put(family.familyId(), family);
			return StoreRotation.rotated(family);
		}
	}

	@Override
	public Optional<RefreshFamily> findFamily(String familyId) {
		synchronized (this.lock) {
			return Optional.ofNullable(this.families.get(familyId));
		}
	}

	@Override
	public Optional<RefreshFamily> findFamilyByToken(RefreshTokenKey token) {
		if (token.isLegacy()) {
			return Optional.empty();
		}
		synchronized (this.lock) {
			Entry entry = this.byHandle.get(token.handleHex());
			return (entry != null) ? Optional.ofNullable(this.families.get(entry.familyId)) : Optional.empty();
		}
	}

	@Override
	public Optional<RefreshFamily> revokeFamily(String familyId, Instant now) {
		synchronized (this.lock) {
			RefreshFamily family = this.families.get(familyId);
			if (family == null || family.state() != FamilyState.ACTIVE) {
				return Optional.empty();
			}
			RefreshFamily revoked = family.revoked(now);
			this.families.put(familyId, revoked);
			return Optional.of(revoked);
		}
	}

	@Override
	public List<RefreshFamily> revokeAllForSubject(String subject, Instant now) {
		List<RefreshFamily> revoked = new ArrayList<>();
		synchronized (this.lock) {
			for (Map.Entry<String, RefreshFamily> entry : this.families.entrySet()) {
				RefreshFamily family = entry.getValue();
				if (family.subject().equals(subject) && family.state() == FamilyState.ACTIVE) {
					RefreshFamily done = family.revoked(now);
					entry.setValue(done);
					revoked.add(done);
				}
			}
		}
		return revoked;
	}

	@Override
	public int sweepExpired(Instant now, int batchSize) {
		int deleted = 0;
		synchronized (this.lock) {
			Iterator<RefreshFamily> it = this.families.values().iterator();
			while (it.hasNext() && deleted < batchSize) {
				RefreshFamily family = it.next();
				if (!family.expiresAt().isAfter(now)) {
					it.remove();
					String handle = this.handles.remove(family.familyId());
					if (handle != null) {
						this.byHandle.remove(handle);
					}
					deleted++;
				}
			}
		}
		return deleted;
	}

	private static String requireHandle(RefreshTokenKey token) {
		Objects.requireNonNull(token, "token");
		if (token.isLegacy()) {
			throw new IllegalArgumentException("a new token names its family by a handle");
		}
		return token.handleHex();
	}

	@Override
	public String toString() {
		return "InMemoryRefreshTokenStore";
	}

	private static final class Entry {

		final String familyId;

		byte[] activeHash;

		Entry(String familyId, byte[] activeHash) {
			this.familyId = familyId;
			this.activeHash = activeHash;
		}
	}
}
