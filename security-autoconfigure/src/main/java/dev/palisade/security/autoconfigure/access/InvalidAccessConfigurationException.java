package dev.palisade.security.autoconfigure.access;

/**
 * A {@code palisade.access} property is wrong: an invalid permission, an unknown role, a cycle in
 * the hierarchy, a malformed or duplicated URL rule. Raised at start-up; names the property.
 */
public final class InvalidAccessConfigurationException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String property;

	InvalidAccessConfigurationException(String property, String message, Throwable cause) {
		super(property + ": " + message, cause);
		this.property = property;
	}

	/** The property to fix, for example {@code palisade.access.rules[2]}. */
	public String property() {
		return this.property;
	}
}
