package dev.palisade.security.secrets;

/**
 * Stored data did not verify: a store file that is malformed, was edited, moved to another path or
 * sealed with a key the keyring no longer holds. The secret is not returned, partly or at all.
 */
public class SecretStoreCorruptedException extends SecretStoreException {

	private static final long serialVersionUID = 1L;

	public SecretStoreCorruptedException(String message) {
		super(message);
	}

	public SecretStoreCorruptedException(String message, Throwable cause) {
		super(message, cause);
	}

}
