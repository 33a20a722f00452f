package dev.palisade.security.access;

/**
 * A permission string is not of the form {@code resource:action}, {@code resource:*},
 * {@code *:action} or {@code *}. The message never repeats the rejected text, so it is safe to
 * log and to map to a 4xx response.
 */
public final class InvalidPermissionException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	InvalidPermissionException(String message) {
		super(message);
	}
}
