package dev.palisade.security.access;

/**
 * The permission an endpoint or rule requires: an exact {@code resource:action}, no wildcards.
 * Create it once at start-up with {@link AccessModel#require(String)} so the decision uses the
 * model's pre-computed ids; an instance from {@link #of(String)} or from another model still
 * works, through a map look-up per decision.
 */
public final class RequiredPermission {

	private final String resource;

	private final String action;

	private final String key;

	/** The model whose ids below are valid, or {@code null} when unbound. */
	final AccessModel model;

	final int permissionId;

	final int resourceId;

	final int actionId;

	RequiredPermission(String resource, String action, AccessModel model, int permissionId, int resourceId,
			int actionId) {
		this.resource = resource;
		this.action = action;
		this.key = resource + ":" + action;
		this.model = model;
		this.permissionId = permissionId;
		this.resourceId = resourceId;
		this.actionId = actionId;
	}

	/**
	 * Parses an exact permission not bound to a model.
	 * @throws InvalidPermissionException if the text is invalid or contains a wildcard
	 */
	public static RequiredPermission of(String text) {
		String[] parts = PermissionSyntax.split(text);
		if (PermissionSyntax.WILDCARD.equals(parts[0]) || PermissionSyntax.WILDCARD.equals(parts[1])) {
			throw new InvalidPermissionException("a required permission must not contain a wildcard");
		}
		return new RequiredPermission(parts[0], parts[1], null, -1, -1, -1);
	}

	/** The resource, for example {@code agents}. */
	public String resource() {
		return this.resource;
	}

	/** The action, for example {@code read}. */
	public String action() {
		return this.action;
	}

	String key() {
		return this.key;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof RequiredPermission that) && this.key.equals(that.key);
	}

	@Override
	public int hashCode() {
		return this.key.hashCode();
	}

	/** {@code resource:action}. */
	@Override
	public String toString() {
		return this.key;
	}
}
