package dev.palisade.security.refresh;

/** Whether a refresh-token family may still be used. */
public enum FamilyState {

	/** The family's newest token may be rotated. */
	ACTIVE,

	/** The family was revoked (sign-out, reuse detected, administrator); none of its tokens work. */
	REVOKED
}
