package dev.palisade.security.crypto.keyring;

/**
 * A keyring was built or changed in a way that breaks its rules (no primary, a repeated key id, a
 * primary that is not enabled, a destroyed key brought back). Messages name key ids, never key material.
 */
public final class InvalidKeyringException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/** An exception with a message that names key ids or lines, never key material. */
	public InvalidKeyringException(String message) {
		super(message);
	}

}
