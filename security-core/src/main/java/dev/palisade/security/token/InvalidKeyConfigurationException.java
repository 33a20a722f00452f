package dev.palisade.security.token;

import java.util.Objects;

/**
 * A signing or verification key cannot be used as configured. Thrown at construction time (start-up),
 * so a misconfigured service fails before it serves a request. The message says what is wrong and how
 * to fix it; it never contains key material.
 */
public final class InvalidKeyConfigurationException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/** What is wrong with the key configuration; stable values for failure analyzers and tests. */
	public enum Reason {

		/** An HMAC secret is shorter than the hash output of its algorithm (RFC 7518 section 3.2). */
		SECRET_TOO_SHORT,

		/** An RSA key is shorter than 2048 bits. */
		KEY_TOO_SMALL,

		/** The key type or curve does not fit the algorithm (for example an EC key for RS256). */
		KEY_ALGORITHM_MISMATCH,

		/** The algorithm is not one Palisade signs or verifies with. */
		UNSUPPORTED_ALGORITHM,

		/** The active key has no private part (or secret), so nothing can be signed. */
		NO_SIGNING_KEY,

		/** The key could not be read or parsed (bad PEM, bad JWK JSON, encrypted PEM, unknown format). */
		UNREADABLE_KEY,

		/** A key has no key id, or the key id is not usable. */
		MISSING_KEY_ID,

		/** Two keys in one keyring share a key id. */
		DUPLICATE_KEY_ID,

		/** A key could not be stored (for example the key directory is not writable). */
		KEY_STORAGE_FAILED

	}

	private final Reason reason;

	public InvalidKeyConfigurationException(Reason reason, String message) {
		super(Objects.requireNonNull(message, "message"));
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	public InvalidKeyConfigurationException(Reason reason, String message, Throwable cause) {
		super(Objects.requireNonNull(message, "message"), cause);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	/** The machine-readable reason. */
	public Reason reason() {
		return this.reason;
	}

}
