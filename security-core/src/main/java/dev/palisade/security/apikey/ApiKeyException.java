package dev.palisade.security.apikey;

/**
 * Base type of every exception the API key management operations throw; messages never
 * contain key material. Verification itself does not throw for bad keys: it returns an
 * {@link ApiKeyVerification} with an {@link ApiKeyOutcome}.
 */
public class ApiKeyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ApiKeyException(String message) {
		super(message);
	}

	public ApiKeyException(String message, Throwable cause) {
		super(message, cause);
	}

}
