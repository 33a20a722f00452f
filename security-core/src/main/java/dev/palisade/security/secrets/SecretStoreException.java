package dev.palisade.security.secrets;

/**
 * A secret store failed. The subclasses say how: {@link SecretStoreUnavailableException} (down,
 * refused, not authorised: a 503), {@link SecretVersionConflictException} (a check-and-set lost: a
 * 409), {@link SecretStoreCorruptedException} (stored data did not verify). Messages name paths and
 * versions, never values.
 */
public class SecretStoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public SecretStoreException(String message) {
		super(message);
	}

	public SecretStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
