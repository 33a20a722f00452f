package dev.palisade.security.access.url;

/**
 * A request path cannot be matched safely (dot segments, path parameters, encoded characters,
 * not absolute, too deep). Map it to 400; the message never repeats the path.
 */
public final class InvalidRequestPathException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	InvalidRequestPathException(String message) {
		super(message);
	}
}
