package dev.palisade.security.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import dev.palisade.security.principal.PalisadePrincipal;

/**
 * Who is asking, as far as authorization cares: a subject id and its scoped role and permission
 * bindings. Independent of any model; the first decision against a model compiles it and keeps
 * the compiled form (create one per request). Immutable and thread-safe.
 */
public final class AccessSubject {

	/** Role names starting with this are platform roles in {@link #from(PalisadePrincipal)}. */
	public static final String DEFAULT_PLATFORM_ROLE_PREFIX = "platform:";

	private final String id;

	private final List<RoleBinding> roles;

	private final List<PermissionBinding> permissions;

	/** Memo of the compiled form for the last model used; immutable value, safely published. */
	private volatile CompiledSubject compiled;

	private AccessSubject(String id, Collection<RoleBinding> roles, Collection<PermissionBinding> permissions) {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("subject id must not be blank");
		}
		this.id = id;
		this.roles = List.copyOf(roles);
		this.permissions = List.copyOf(permissions);
	}

	/** A subject with explicit bindings. */
	public static AccessSubject of(String id, Collection<RoleBinding> roles, Collection<PermissionBinding> permissions) {
		return new AccessSubject(id, roles, permissions);
	}

	/**
	 * Derives the bindings of a principal, with {@link #DEFAULT_PLATFORM_ROLE_PREFIX}.
	 * @see #from(PalisadePrincipal, String)
	 */
	public static AccessSubject from(PalisadePrincipal principal) {
		return from(principal, DEFAULT_PLATFORM_ROLE_PREFIX);
	}

	/**
	 * Derives the bindings of a principal. Fail-closed rules:
	 * <ul>
	 * <li>a principal with a project binds every role and permission at that project of its org;</li>
	 * <li>a principal with only an org binds them at that org;</li>
	 * <li>a principal with neither binds at the platform only roles whose name starts with
	 * {@code platformRolePrefix}; its other roles and its direct permissions bind nowhere, so a
	 * credential that lost its tenant claim never becomes platform-wide;</li>
	 * <li>a platform role on a tenant-scoped principal is narrowed to that tenant (a credential
	 * scoped to an org never reaches beyond it).</li>
	 * </ul>
	 * The principal kind plays no part: every kind follows the same rules.
	 * @throws InvalidPermissionException if a principal permission is malformed
	 */
	public static AccessSubject from(PalisadePrincipal principal, String platformRolePrefix) {
		Objects.requireNonNull(principal, "principal");
		if (platformRolePrefix == null || platformRolePrefix.isEmpty()) {
			throw new IllegalArgumentException("platform role prefix must not be empty");
		}
		Scope tenant = (principal.project() != null) ? Scope.project(principal.org(), principal.project())
				: (principal.org() != null) ? Scope.org(principal.org()) : null;
		List<RoleBinding> roles = new ArrayList<>();
		for (String role : principal.roles()) {
			if (tenant != null) {
				roles.add(new RoleBinding(role, tenant));
			}
			else if (role.startsWith(platformRolePrefix)) {
				roles.add(new RoleBinding(role, Scope.platform()));
			}
		}
		List<PermissionBinding> permissions = new ArrayList<>();
		for (String text : principal.permissions()) {
			Permission permission = Permission.parse(text);
			if (tenant != null) {
				permissions.add(new PermissionBinding(permission, tenant));
			}
		}
		return new AccessSubject(principal.subject(), roles, permissions);
	}

	/** The subject identifier, for audit. */
	public String id() {
		return this.id;
	}

	/** The role bindings. */
	public List<RoleBinding> roles() {
		return this.roles;
	}

	/** The direct permission bindings. */
	public List<PermissionBinding> permissions() {
		return this.permissions;
	}

	CompiledSubject compiledFor(AccessModel model) {
		CompiledSubject current = this.compiled;
		if (current == null || current.model != model) {
			current = CompiledSubject.compile(this, model);
			this.compiled = current;
		}
		return current;
	}

	@Override
	public String toString() {
		return "AccessSubject[id=" + this.id + ", roles=" + this.roles + ", permissions=" + this.permissions + "]";
	}
}
