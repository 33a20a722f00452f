package dev.palisade.security.autoconfigure.apikey;

/**
 * The {@code palisade.api-keys} configuration cannot work. Carries the property to fix and how;
 * never the value of a secret. Explained at start-up by a failure analyzer.
 */
public final class InvalidApiKeyConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String action;

	/**
	 * @param property the full name of the property to fix
	 * @param problem what is wrong
	 * @param action how to fix it
	 */
	public InvalidApiKeyConfigurationException(String property, String problem, String action) {
		super(problem);
		this.property = property;
		this.action = action;
	}

	/** The full name of the property to fix, such as {@code palisade.api-keys.pepper}. */
	public String property() {
		return this.property;
	}

	/** How to fix it. */
	public String action() {
		return this.action;
	}
}
