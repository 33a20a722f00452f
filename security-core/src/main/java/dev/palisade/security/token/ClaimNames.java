package dev.palisade.security.token;

import java.util.Objects;

/**
 * Names of the claims that carry the principal's attributes. The defaults are Palisade's own; other
 * identity providers use other names (for example Keycloak's roles), so each one is configurable.
 *
 * @param roles claim holding role names (list or space/comma separated string)
 * @param permissions claim holding permissions (list or space/comma separated string)
 * @param scope OAuth scope claim (space separated string, RFC 9068); read as permissions when the
 * permissions claim is absent
 * @param org organisation (tenant) claim
 * @param project project claim
 * @param kind principal kind claim ({@code user}, {@code service}, ...)
 */
public record ClaimNames(String roles, String permissions, String scope, String org, String project, String kind) {

	public ClaimNames {
		Objects.requireNonNull(roles, "roles");
		Objects.requireNonNull(permissions, "permissions");
		Objects.requireNonNull(scope, "scope");
		Objects.requireNonNull(org, "org");
		Objects.requireNonNull(project, "project");
		Objects.requireNonNull(kind, "kind");
	}

	/** {@code roles}, {@code permissions}, {@code scope}, {@code org}, {@code project}, {@code kind}. */
	public static ClaimNames defaults() {
		return new ClaimNames("roles", "permissions", "scope", "org", "project", "kind");
	}

}
