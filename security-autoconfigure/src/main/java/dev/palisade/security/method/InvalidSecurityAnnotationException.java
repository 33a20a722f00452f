package dev.palisade.security.method;

/**
 * A {@link RequiresPermission} or {@link RequiresRole} annotation is wrong (invalid permission,
 * unknown role, unparsable expression, unknown parameter). Raised at start-up, when the bean
 * carrying it is created.
 */
public final class InvalidSecurityAnnotationException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String location;

	InvalidSecurityAnnotationException(String location, String message, Throwable cause) {
		super(location + ": " + message, cause);
		this.location = location;
	}

	/** The annotated method, as {@code Class.method}. */
	public String location() {
		return this.location;
	}
}
