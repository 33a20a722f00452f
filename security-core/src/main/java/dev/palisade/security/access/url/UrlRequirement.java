package dev.palisade.security.access.url;

import java.util.Objects;

import dev.palisade.security.access.RequiredPermission;

/**
 * What a URL rule requires: nothing (public), an authenticated caller, a permission or a role
 * (checked at the scope the path names), or nobody (deny).
 */
public final class UrlRequirement {

	/** The kinds of requirement. */
	public enum Kind {

		/** Anyone, authenticated or not. */
		PUBLIC,

		/** Any authenticated caller. */
		AUTHENTICATED,

		/** A caller holding a permission at the path's scope. */
		PERMISSION,

		/** A caller holding a role (or a senior role) at the path's scope. */
		ROLE,

		/** Nobody. */
		DENY

	}

	private static final UrlRequirement PUBLIC = new UrlRequirement(Kind.PUBLIC, null, null);

	private static final UrlRequirement AUTHENTICATED = new UrlRequirement(Kind.AUTHENTICATED, null, null);

	private static final UrlRequirement DENY = new UrlRequirement(Kind.DENY, null, null);

	private final Kind kind;

	private final RequiredPermission permission;

	private final String role;

	private UrlRequirement(Kind kind, RequiredPermission permission, String role) {
		this.kind = kind;
		this.permission = permission;
		this.role = role;
	}

	/** Anyone. */
	public static UrlRequirement publicAccess() {
		return PUBLIC;
	}

	/** Any authenticated caller. */
	public static UrlRequirement authenticated() {
		return AUTHENTICATED;
	}

	/** Nobody. */
	public static UrlRequirement denyAll() {
		return DENY;
	}

	/** A permission, from {@code AccessModel#require}, at the path's scope. */
	public static UrlRequirement permission(RequiredPermission permission) {
		return new UrlRequirement(Kind.PERMISSION, Objects.requireNonNull(permission, "permission"), null);
	}

	/** A role at the path's scope. */
	public static UrlRequirement role(String role) {
		if (role == null || role.isBlank()) {
			throw new InvalidUrlRuleException("a required role must not be blank");
		}
		return new UrlRequirement(Kind.ROLE, null, role);
	}

	/** The kind. */
	public Kind kind() {
		return this.kind;
	}

	/** The permission for {@link Kind#PERMISSION}, else {@code null}. */
	public RequiredPermission permission() {
		return this.permission;
	}

	/** The role for {@link Kind#ROLE}, else {@code null}. */
	public String role() {
		return this.role;
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case PERMISSION -> "permission(" + this.permission + ")";
			case ROLE -> "role(" + this.role + ")";
			default -> this.kind.name().toLowerCase(java.util.Locale.ROOT);
		};
	}
}
