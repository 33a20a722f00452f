package dev.palisade.security.access;

import java.util.Objects;

/**
 * A granted permission, parsed once: {@code agents:read} (exact), {@code agents:*} (every action on
 * a resource), {@code *:read} (one action on every resource) or {@code *} (everything). Matching is
 * case-sensitive. A permission that is <em>required</em> is a {@link RequiredPermission}, which
 * never contains a wildcard.
 */
public final class Permission {

	private final String resource;

	private final String action;

	private Permission(String resource, String action) {
		this.resource = resource;
		this.action = action;
	}

	/**
	 * Parses a permission string.
	 * @throws InvalidPermissionException if the text is not a valid permission
	 */
	public static Permission parse(String text) {
		String[] parts = PermissionSyntax.split(text);
		return new Permission(parts[0], parts[1]);
	}

	/** The resource, or {@code *}. */
	public String resource() {
		return this.resource;
	}

	/** The action, or {@code *}. */
	public String action() {
		return this.action;
	}

	/** Whether this grants every action on every resource. */
	public boolean isAll() {
		return isAnyResource() && isAnyAction();
	}

	/** Whether the resource part is {@code *}. */
	public boolean isAnyResource() {
		return PermissionSyntax.WILDCARD.equals(this.resource);
	}

	/** Whether the action part is {@code *}. */
	public boolean isAnyAction() {
		return PermissionSyntax.WILDCARD.equals(this.action);
	}

	/** Whether this grant covers the required permission (reference semantics; the decider uses compiled sets). */
	public boolean implies(RequiredPermission required) {
		return (isAnyResource() || this.resource.equals(required.resource()))
				&& (isAnyAction() || this.action.equals(required.action()));
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Permission that) && this.resource.equals(that.resource)
				&& this.action.equals(that.action);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.resource, this.action);
	}

	/** The canonical text: {@code resource:action}, or {@code *} for everything. */
	@Override
	public String toString() {
		return isAll() ? PermissionSyntax.WILDCARD : this.resource + ":" + this.action;
	}
}
