package dev.palisade.security.crypto.password;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Sign-in password check that costs the same whether or not the user exists, so response time
 * does not reveal which usernames are registered. For an unknown user (or a stored hash with an
 * unknown id) it verifies the password against a dummy hash made once, at construction, with
 * the default hasher's current parameters: one key derivation, like a wrong password.
 * <p>
 * A password over the {@link PasswordPolicy} limit is refused before the user's hash is looked
 * at, for known and unknown users alike, so it reveals nothing either.
 */
public final class PasswordVerification {

	private final DelegatingPasswordHasher hasher;

	private final String dummyHash;

	/** Makes the dummy hash (one hash with the default parameters). */
	public PasswordVerification(DelegatingPasswordHasher hasher) {
		if (hasher == null) {
			throw new NullPointerException("hasher");
		}
		this.hasher = hasher;
		byte[] dummy = new byte[24];
		new SecureRandom().nextBytes(dummy);
		this.dummyHash = hasher.hash(Base64.getEncoder().encodeToString(dummy));
	}

	/**
	 * Checks a password for a user whose stored hash may be absent.
	 * @param storedHash the user's stored hash, or empty when no such user exists
	 * @param raw the password presented
	 * @return the outcome; treat everything but {@link VerificationOutcome#authenticated()} as a wrong password
	 */
	public VerificationOutcome verify(Optional<String> storedHash, CharSequence raw) {
		if (!this.hasher.policy().accepts(raw)) {
			return VerificationOutcome.REJECTED;
		}
		String stored = (storedHash != null) ? storedHash.orElse(null) : null;
		if (stored == null) {
			this.hasher.matches(raw, this.dummyHash);
			return VerificationOutcome.UNKNOWN_USER;
		}
		if (!this.hasher.recognizes(stored)) {
			this.hasher.matches(raw, this.dummyHash);
			return VerificationOutcome.MISMATCH;
		}
		if (!this.hasher.matches(raw, stored)) {
			return VerificationOutcome.MISMATCH;
		}
		return this.hasher.needsRehash(stored) ? VerificationOutcome.MATCH_NEEDS_REHASH : VerificationOutcome.MATCH;
	}

	/** The hasher used for stored hashes and for upgrades. */
	public DelegatingPasswordHasher hasher() {
		return this.hasher;
	}

	@Override
	public String toString() {
		return "PasswordVerification[" + this.hasher + "]";
	}
}
