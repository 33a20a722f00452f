package dev.palisade.security.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The default store: families and token hashes in this JVM's memory, lost on restart and not
 * shared between nodes. Every operation holds one monitor, which makes rotation trivially atomic;
 * refresh traffic is far too low for that lock to matter.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

	private final Object lock = new Object();

	/** Hex hash -> token. */
	private final Map<String, TokenEntry> tokens = new HashMap<>();

	private final Map<String, RefreshFamily> families = new HashMap<>();

	/** Family id -> hex hashes of its tokens, so a sweep removes them without a scan. */
	private final Map<String, Set<String>> tokensByFamily = new HashMap<>();

	@Override
	public void createFamily(RefreshFamily family, byte[] tokenHash) {
		Objects.requireNonNull(family, "family");
		String key = TokenHashes.hex(tokenHash);
		synchronized (this.lock) {
			if (this.families.containsKey(family.familyId()) || this.tokens.containsKey(key)) {
				throw new RefreshTokenStoreException("Duplicate family or token hash");
			}
			this.families.put(family.familyId(), family);
			addToken(family.familyId(), key);
		}
	}

	@Override
	public StoreRotation rotate(byte[] presentedHash, byte[] newHash, Instant now, Duration idleTimeout) {
		String presented = TokenHashes.hex(presentedHash);
		String next = TokenHashes.hex(newHash);
		synchronized (this.lock) {
			TokenEntry token = this.tokens.get(presented);
			RefreshFamily family = (token != null) ? this.families.get(token.familyId) : null;
			if (family == null) {
				return StoreRotation.failed(RotationFailure.UNKNOWN, null);
			}
			if (token.rotated) {
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
			if (this.tokens.containsKey(next)) {
				throw new RefreshTokenStoreException("Duplicate token hash");
			}
			token.rotated = true;
			addToken(family.familyId(), next);
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
	public Optional<RefreshFamily> findFamilyByToken(byte[] tokenHash) {
		String key = TokenHashes.hex(tokenHash);
		synchronized (this.lock) {
			TokenEntry token = this.tokens.get(key);
			return (token != null) ? Optional.ofNullable(this.families.get(token.familyId)) : Optional.empty();
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
					Set<String> hashes = this.tokensByFamily.remove(family.familyId());
					if (hashes != null) {
						this.tokens.keySet().removeAll(hashes);
					}
					deleted++;
				}
			}
		}
		return deleted;
	}

	private void addToken(String familyId, String hexHash) {
		this.tokens.put(hexHash, new TokenEntry(familyId));
		this.tokensByFamily.computeIfAbsent(familyId, (id) -> new HashSet<>()).add(hexHash);
	}

	@Override
	public String toString() {
		return "InMemoryRefreshTokenStore";
	}

	private static final class TokenEntry {

		final String familyId;

		boolean rotated;

		TokenEntry(String familyId) {
			this.familyId = familyId;
		}
	}
}
