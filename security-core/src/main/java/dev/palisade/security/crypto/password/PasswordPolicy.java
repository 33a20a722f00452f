package dev.palisade.security.crypto.password;

/**
 * Limits applied to a raw password before any hashing, so a huge password (say 1 MB) costs
 * a length check, not a key derivation.
 * <p>
 * Length is counted in UTF-16 chars ({@link CharSequence#length()}), which is known without
 * encoding the password. Every hasher in this package also refuses passwords above
 * {@link #HARD_MAX_LENGTH} on its own, so no path hashes an unbounded input.
 *
 * @param maxLength the longest accepted password in chars, 1 to {@value #HARD_MAX_LENGTH}
 */
public record PasswordPolicy(int maxLength) {

	/** Default maximum password length in chars: long enough for any passphrase or generated secret. */
	public static final int DEFAULT_MAX_LENGTH = 1024;

	/** Ceiling for {@link #maxLength} and the limit every hasher enforces by itself. */
	public static final int HARD_MAX_LENGTH = 4096;

	public PasswordPolicy {
		if (maxLength < 1 || maxLength > HARD_MAX_LENGTH) {
			throw new IllegalArgumentException(
					"maxLength must be between 1 and " + HARD_MAX_LENGTH + " characters, was " + maxLength);
		}
	}

	/** The default policy: at most {@value #DEFAULT_MAX_LENGTH} chars. */
	public static PasswordPolicy defaults() {
		return new PasswordPolicy(DEFAULT_MAX_LENGTH);
	}

	/** Whether a password is within the limits ({@code false} for {@code null}). */
	public boolean accepts(CharSequence raw) {
		return raw != null && raw.length() <= this.maxLength;
	}

	/**
	 * Refuses a password that is over the limit.
	 * @throws PasswordRejectedException if the password is longer than {@link #maxLength}
	 */
	public void check(CharSequence raw) {
		if (raw == null) {
			throw new NullPointerException("raw password");
		}
		if (raw.length() > this.maxLength) {
			throw new PasswordRejectedException(PasswordRejectedException.Reason.TOO_LONG,
					"longer than " + this.maxLength + " characters");
		}
	}
}
