package dev.palisade.security.apikey;

/**
 * A store could not complete an operation: the database is unreachable, a key id already
 * exists, or the store is read-only (maps to HTTP 500/503; verification fails closed).
 */
public final class ApiKeyStoreException extends ApiKeyException {

	private static final long serialVersionUID = 1L;

	public ApiKeyStoreException(String message) {
		super(message);
	}

	public ApiKeyStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
