package dev.palisade.security.access;

import java.util.Objects;
import java.util.Set;

/**
 * A role as configured: its own permissions and the roles it inherits from (a senior role
 * inherits all permissions of its juniors, transitively).
 *
 * @param name the role name, for example {@code org:admin}
 * @param permissions the permissions the role grants itself
 * @param inherits the names of the roles whose permissions this role also grants
 */
public record RoleDefinition(String name, Set<Permission> permissions, Set<String> inherits) {

	public RoleDefinition {
		Objects.requireNonNull(name, "name");
		permissions = Set.copyOf(permissions);
		inherits = Set.copyOf(inherits);
	}
}
