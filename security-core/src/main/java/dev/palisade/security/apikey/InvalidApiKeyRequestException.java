package dev.palisade.security.apikey;

/** A create or rotate request that is not acceptable as given (maps to HTTP 400). */
public final class InvalidApiKeyRequestException extends ApiKeyException {

	private static final long serialVersionUID = 1L;

	public InvalidApiKeyRequestException(String message) {
		super(message);
	}

}
