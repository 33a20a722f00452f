package dev.palisade.security.secrets;

/** A secret path, field name or value that the store does not accept; a 400 at the web layer. */
public class InvalidSecretException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public InvalidSecretException(String message) {
		super(message);
	}

}
