package dev.palisade.security.access;

import java.util.Objects;

/**
 * A permission granted directly to a subject at a scope, without a role; this is how an API key
 * whose scopes are permissions is represented.
 *
 * @param permission the granted permission (wildcards allowed)
 * @param scope where the permission holds
 */
public record PermissionBinding(Permission permission, Scope scope) {

	public PermissionBinding {
		Objects.requireNonNull(permission, "permission");
		Objects.requireNonNull(scope, "scope");
	}
}
