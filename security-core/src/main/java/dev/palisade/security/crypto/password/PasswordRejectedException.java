package dev.palisade.security.crypto.password;

/**
 * A password was refused before any hashing work: it is longer than the configured limit, or
 * it is not valid Unicode (an unpaired surrogate). The web layer maps it to the same 400/401
 * as a wrong password. The message never contains the password.
 */
public final class PasswordRejectedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Why a password was refused. */
	public enum Reason {

		/** Longer than the configured maximum, or than the algorithm can use (bcrypt: 72 UTF-8 bytes). */
		TOO_LONG,

		/** Contains an unpaired UTF-16 surrogate, so it has no UTF-8 encoding to hash. */
		INVALID_UNICODE
	}

	private final Reason reason;

	PasswordRejectedException(Reason reason, String detail) {
		super("Password rejected (" + reason + "): " + detail);
		this.reason = reason;
	}

	/** Why the password was refused. */
	public Reason reason() {
		return this.reason;
	}
}
