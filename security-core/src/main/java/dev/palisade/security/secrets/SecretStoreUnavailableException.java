package dev.palisade.security.secrets;

/**
 * The backend could not be reached or refused the store's own credentials (Vault down, a 5xx, a
 * 403 for the store's token, an unwritable directory). Nothing was changed; retry later. A 503.
 */
public class SecretStoreUnavailableException extends SecretStoreException {

	private static final long serialVersionUID = 1L;

	public SecretStoreUnavailableException(String message) {
		super(message);
	}

	public SecretStoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
