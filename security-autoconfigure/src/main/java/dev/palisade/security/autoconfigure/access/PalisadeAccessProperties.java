package dev.palisade.security.autoconfigure.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.palisade.security.access.DefaultPolicy;
import dev.palisade.security.web.CrossTenantStatus;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access control ({@code palisade.access}): roles and their permissions, the role hierarchy, URL
 * rules, public paths and what happens to endpoints nothing covers.
 *
 * <p>Role names contain a colon, so in YAML they are map keys in brackets:
 * {@code "[org:admin]": [agents:*, audit:read]}.
 *
 * @param defaultRoles Whether the built-in roles (DEFAULT_ROLES) are defined; the roles in
 * roles add permissions to them (a role of the same name gets both).
 * @param roles Role name to the permissions it grants (resource:action, resource:*,
 * *:action or *).
 * @param hierarchy Chains such as org:owner > org:admin > org:member: each role inherits
 * every permission of the roles after it.
 * @param defaultPolicy What an endpoint with neither a URL rule nor an annotation gets: deny
 * (refused, 403; 401 without a credential) or authenticated (any authenticated caller).
 * @param publicPaths Path patterns anyone may call, with any method and without a credential (for
 * example a token endpoint). /error and the JWK Set path are always public.
 * @param rules URL rules for endpoints that cannot be annotated; the most specific pattern wins,
 * and a rule for the request's method beats one for any method.
 * @param crossTenantStatus The answer when the caller's bindings are all in other orgs or other
 * projects than the resource's: forbidden (403) or not-found (404, so ids of other
 * tenants cannot be probed).
 * @param platformRolePrefix Roles with this prefix, held by a caller without org, hold across every
 * org.
 */
@ConfigurationProperties("palisade.access")
public record PalisadeAccessProperties(@DefaultValue("true") boolean defaultRoles, Map<String, List<String>> roles,
		@DefaultValue({ "org:owner > org:admin > org:member",
				"project:admin > project:developer > project:viewer" }) List<String> hierarchy,
		@DefaultValue("deny") DefaultPolicy defaultPolicy, List<String> publicPaths, List<Rule> rules,
		@DefaultValue("forbidden") CrossTenantStatus crossTenantStatus,
		@DefaultValue("platform:") String platformRolePrefix) {

	/**
	 * The built-in roles: org and project administration, and {@code platform:admin} with every
	 * permission. Applications add their own resources' permissions to them.
	 */
	public static final Map<String, List<String>> DEFAULT_ROLES = defaults();

	public PalisadeAccessProperties {
		roles = (roles != null) ? copy(roles) : Map.of();
		hierarchy = (hierarchy != null) ? List.copyOf(hierarchy) : List.of();
		publicPaths = (publicPaths != null) ? List.copyOf(publicPaths) : List.of();
		rules = (rules != null) ? List.copyOf(rules) : List.of();
	}

	/** The roles in effect: the built-in ones (unless turned off) merged with {@code roles}. */
	public Map<String, List<String>> effectiveRoles() {
		Map<String, List<String>> effective = new LinkedHashMap<>();
		if (this.defaultRoles) {
			DEFAULT_ROLES.forEach((role, permissions) -> effective.put(role, List.copyOf(permissions)));
		}
		this.roles.forEach((role, permissions) -> effective.merge(role, permissions,
				(a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList()));
		return effective;
	}

	private static Map<String, List<String>> copy(Map<String, List<String>> roles) {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		roles.forEach((role, permissions) -> copy.put(role, (permissions != null) ? List.copyOf(permissions) : List.of()));
		return java.util.Collections.unmodifiableMap(copy);
	}

	private static Map<String, List<String>> defaults() {
		Map<String, List<String>> roles = new LinkedHashMap<>();
		roles.put("org:owner", List.of("org:*"));
		roles.put("org:admin", List.of("members:*", "projects:*"));
		roles.put("org:member", List.of("org:read", "projects:read"));
		roles.put("project:admin", List.of("project:*", "members:*"));
		roles.put("project:developer", List.of("project:read"));
		roles.put("project:viewer", List.of("project:read"));
		roles.put("platform:admin", List.of("*"));
		return java.util.Collections.unmodifiableMap(roles);
	}

	/** What a URL rule grants. */
	public enum Access {

		/** Anyone, without a credential. */
		PUBLIC,

		/** Any authenticated caller. */
		AUTHENTICATED,

		/** Nobody. */
		DENY

	}

	/**
	 * One URL rule: a method and pattern, and exactly one of permission, role or access.
	 *
	 * @param method The HTTP method (GET, POST...); empty for every method.
	 * @param pattern An Ant-style path pattern: literal segments, * or {name} for one
	 * segment, a trailing **; {org} and {project} name the resource's tenant.
	 * @param permission The permission required at the tenant the path names.
	 * @param role The role required (or a role that inherits it) at the tenant the path names.
	 * @param access Public, authenticated or deny.
	 */
	public record Rule(String method, String pattern, String permission, String role, Access access) {
	}
}
