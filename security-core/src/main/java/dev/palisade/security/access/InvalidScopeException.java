package dev.palisade.security.access;

/**
 * An org or project identifier is missing, blank or contains control characters. The message
 * never repeats the rejected text, so it is safe to log and to map to a 4xx response.
 */
public final class InvalidScopeException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	InvalidScopeException(String message) {
		super(message);
	}
}
