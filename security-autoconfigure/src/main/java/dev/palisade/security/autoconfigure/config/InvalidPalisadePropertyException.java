package dev.palisade.security.autoconfigure.config;

/**
 * A Palisade property that cannot work as set, with the property's name and what to do about it.
 * The message never holds a secret value: a key or a password is described, not repeated.
 */
public class InvalidPalisadePropertyException extends RuntimeException {

	private final String property;

	private final String action;

	/**
	 * @param property the property's name, as a user writes it ({@code palisade.audit.path})
	 * @param problem what is wrong, without the value when the value is secret
	 * @param action how to fix it
	 * @param cause what failed, or {@code null}
	 */
	public InvalidPalisadePropertyException(String property, String problem, String action, Throwable cause) {
		super(property + ": " + problem, cause);
		this.property = property;
		this.action = action;
	}

	/** The property to fix. */
	public String property() {
		return this.property;
	}

	/** How to fix it. */
	public String action() {
		return this.action;
	}
}
