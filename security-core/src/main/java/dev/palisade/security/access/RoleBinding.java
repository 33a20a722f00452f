package dev.palisade.security.access;

import java.util.Objects;

/**
 * A subject holds {@code role} at {@code scope}. A role the model does not define grants nothing.
 *
 * @param role the role name, for example {@code org:admin}
 * @param scope where the role holds
 */
public record RoleBinding(String role, Scope scope) {

	public RoleBinding {
		Objects.requireNonNull(scope, "scope");
		if (role == null || role.isBlank()) {
			throw new IllegalArgumentException("role must not be blank");
		}
	}
}
