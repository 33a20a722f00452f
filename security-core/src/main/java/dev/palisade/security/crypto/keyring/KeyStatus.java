package dev.palisade.security.crypto.keyring;

/**
 * The state of one key in a {@link Keyring}, after Google Tink's key states. Exactly one
 * {@code ENABLED} key is the primary: it makes every new output (a signature, a MAC, a hash, a
 * ciphertext). Every other {@code ENABLED} key only checks outputs made earlier.
 */
public enum KeyStatus {

	/** Checks outputs; the primary also makes new ones. */
	ENABLED,

	/** Kept in the keyring but used for nothing: outputs made with it stop checking. Can be enabled again. */
	DISABLED,

	/** The key material is gone; only the id is kept, so the id is never reused for another key. */
	DESTROYED

}
