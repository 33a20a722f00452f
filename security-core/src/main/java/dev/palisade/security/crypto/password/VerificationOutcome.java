package dev.palisade.security.crypto.password;

/**
 * The result of a sign-in password check by {@link PasswordVerification}. Only {@link #MATCH}
 * and {@link #MATCH_NEEDS_REHASH} authenticate; every other outcome must be answered exactly
 * like a wrong password (same status, same body), so a caller learns nothing about which case
 * it hit.
 */
public enum VerificationOutcome {

	/** The password is right and the stored hash is current. */
	MATCH,

	/** The password is right; store {@code hasher.hash(raw)} in place of the old hash. */
	MATCH_NEEDS_REHASH,

	/** The password is wrong, or the stored hash is unreadable. */
	MISMATCH,

	/** No such user; a dummy hash was checked so this took as long as {@link #MISMATCH}. */
	UNKNOWN_USER,

	/** The password broke the {@link PasswordPolicy} (too long) and was refused without hashing. */
	REJECTED;

	/** Whether the caller proved the password. */
	public boolean authenticated() {
		return this == MATCH || this == MATCH_NEEDS_REHASH;
	}

	/** Whether the stored hash should be replaced after this successful sign-in. */
	public boolean needsRehash() {
		return this == MATCH_NEEDS_REHASH;
	}
}
