package dev.palisade.security.crypto.aead;

/**
 * The one exception {@link Aead#decrypt} throws for a ciphertext it will not open: malformed or
 * truncated, naming a key the keyring does not hold (or holds disabled or destroyed), or failing
 * authentication (tampered, wrong key, wrong associated data). No plaintext, partial or whole, is
 * ever returned with it, and its message never holds key material or data.
 */
public class AeadException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	public AeadException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public AeadException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/** Why the ciphertext was refused. */
	public Reason reason() {
		return this.reason;
	}

	/** Why a ciphertext was refused. */
	public enum Reason {

		/** Not a Palisade ciphertext: too short, an unknown version, a bad key id length. */
		MALFORMED,

		/** The key id is not an enabled key of this keyring. */
		UNKNOWN_KEY,

		/** The tag did not verify: tampered ciphertext, wrong key material or wrong associated data. */
		AUTHENTICATION_FAILED,

		/** The cipher could not run at all (a provider error); not caused by the input. */
		CIPHER_FAILURE

	}

}
