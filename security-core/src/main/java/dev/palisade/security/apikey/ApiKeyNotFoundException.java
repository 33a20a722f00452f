package dev.palisade.security.apikey;

/** A management operation named a key id that does not exist (maps to HTTP 404). */
public final class ApiKeyNotFoundException extends ApiKeyException {

	private static final long serialVersionUID = 1L;

	public ApiKeyNotFoundException(String keyId) {
		super("No API key with the given id");
	}

}
