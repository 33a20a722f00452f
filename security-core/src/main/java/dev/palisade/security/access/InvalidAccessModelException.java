package dev.palisade.security.access;

/**
 * The access model configuration is wrong: an unknown role in the hierarchy, an inheritance
 * cycle, a role defined twice or an invalid permission. Raised at start-up, never per request.
 */
public final class InvalidAccessModelException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	InvalidAccessModelException(String message) {
		super(message);
	}

	InvalidAccessModelException(String message, Throwable cause) {
		super(message, cause);
	}
}
