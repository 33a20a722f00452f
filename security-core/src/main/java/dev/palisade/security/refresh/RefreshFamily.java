package dev.palisade.security.refresh;

import java.time.Instant;
import java.util.Objects;

/**
 * One sign-in: the chain of refresh tokens that rotate into each other, as a store keeps it.
 * Holds no token and no token hash.
 *
 * @param familyId random identifier of the family
 * @param grant what the family stands for
 * @param createdAt when the family was issued
 * @param absoluteExpiresAt when the family dies however often it is used
 * @param idleExpiresAt when the family dies unless its newest token is rotated first; never after
 * {@code absoluteExpiresAt}
 * @param state whether the family is still usable
 * @param revokedAt when the family was revoked, or {@code null}
 */
public record RefreshFamily(String familyId, RefreshGrant grant, Instant createdAt, Instant absoluteExpiresAt,
		Instant idleExpiresAt, FamilyState state, Instant revokedAt) {

	public RefreshFamily {
		Objects.requireNonNull(familyId, "familyId");
		Objects.requireNonNull(grant, "grant");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(absoluteExpiresAt, "absoluteExpiresAt");
		Objects.requireNonNull(idleExpiresAt, "idleExpiresAt");
		Objects.requireNonNull(state, "state");
		if (idleExpiresAt.isAfter(absoluteExpiresAt)) {
			idleExpiresAt = absoluteExpiresAt;
		}
	}

	/** The subject of the family's grant. */
	public String subject() {
		return this.grant.subject();
	}

	/** The moment the family stops working unless used or revoked first: the earlier of both expiries. */
	public Instant expiresAt() {
		return this.idleExpiresAt;
	}

	/**
	 * Why the family cannot be rotated at {@code now}, or {@code null} if it can. Checks revocation,
	 * then absolute and idle expiry; every store uses this one rule.
	 */
	public RotationFailure unusableReason(Instant now) {
		if (this.state != FamilyState.ACTIVE) {
			return RotationFailure.REVOKED;
		}
		if (!now.isBefore(this.absoluteExpiresAt)) {
			return RotationFailure.EXPIRED_ABSOLUTE;
		}
		if (!now.isBefore(this.idleExpiresAt)) {
			return RotationFailure.EXPIRED_IDLE;
		}
		return null;
	}

	/** This family with a new idle expiry (capped at the absolute one). */
	public RefreshFamily withIdleExpiresAt(Instant newIdleExpiresAt) {
		return new RefreshFamily(this.familyId, this.grant, this.createdAt, this.absoluteExpiresAt, newIdleExpiresAt,
				this.state, this.revokedAt);
	}

	/** This family, revoked at {@code now}. */
	public RefreshFamily revoked(Instant now) {
		return new RefreshFamily(this.familyId, this.grant, this.createdAt, this.absoluteExpiresAt, this.idleExpiresAt,
				FamilyState.REVOKED, now);
	}
}
