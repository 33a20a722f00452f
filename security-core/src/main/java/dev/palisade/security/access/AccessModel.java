package dev.palisade.security.access;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The roles, their permissions and their hierarchy, validated and compiled once at start-up:
 * every role's transitive permissions become a bit-set matcher over interned ids, so no string is
 * parsed and no pattern is evaluated per decision. Immutable and thread-safe.
 *
 * <pre>
 * AccessModel model = AccessModel.builder()
 *     .role("org:owner", "org:*")
 *     .role("org:admin", "members:*")
 *     .role("org:member", "org:read")
 *     .hierarchy("org:owner &gt; org:admin &gt; org:member")
 *     .build();
 * </pre>
 */
public final class AccessModel {

	private final Map<String, RoleDefinition> roles;

	private final Map<String, Set<String>> includedRoles;

	private final Map<String, Set<Permission>> effectivePermissions;

	private final PermissionVocabulary vocabulary;

	private final Map<String, GrantSet> grants;

	private AccessModel(Map<String, RoleDefinition> roles, Map<String, Set<String>> includedRoles) {
		this.roles = Map.copyOf(roles);
		this.includedRoles = Map.copyOf(includedRoles);
		Map<String, Set<Permission>> effective = new HashMap<>();
		List<Permission> all = new ArrayList<>();
		for (Map.Entry<String, Set<String>> entry : includedRoles.entrySet()) {
			Set<Permission> permissions = new LinkedHashSet<>();
			for (String included : entry.getValue()) {
				permissions.addAll(roles.get(included).permissions());
			}
			effective.put(entry.getKey(), Set.copyOf(permissions));
			all.addAll(permissions);
		}
		this.effectivePermissions = Map.copyOf(effective);
		this.vocabulary = PermissionVocabulary.of(all);
		Map<String, GrantSet> compiled = new HashMap<>();
		effective.forEach((role, permissions) -> {
			GrantSet.Builder builder = new GrantSet.Builder();
			permissions.forEach((permission) -> builder.add(permission, this.vocabulary));
			compiled.put(role, builder.build());
		});
		this.grants = Map.copyOf(compiled);
	}

	/** Starts an empty model. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Parses a required permission once and binds it to this model's ids; call it at start-up for
	 * every rule and annotation.
	 * @throws InvalidPermissionException if the text is invalid or contains a wildcard
	 */
	public RequiredPermission require(String text) {
		return bind(RequiredPermission.of(text));
	}

	RequiredPermission bind(RequiredPermission p) {
		if (p.model == this) {
			return p;
		}
		return new RequiredPermission(p.resource(), p.action(), this, this.vocabulary.exactId(p.key()),
				this.vocabulary.resourceId(p.resource()), this.vocabulary.actionId(p.action()));
	}

	/** The configured roles by name. */
	public Map<String, RoleDefinition> roles() {
		return this.roles;
	}

	/** The role definition, if the model defines it. */
	public Optional<RoleDefinition> role(String name) {
		return Optional.ofNullable(this.roles.get(name));
	}

	/** The role itself and every role it inherits from, transitively; empty for an unknown role. */
	public Set<String> includedRoles(String role) {
		return this.includedRoles.getOrDefault(role, Set.of());
	}

	/** All permissions a role grants, including inherited ones; empty for an unknown role. */
	public Set<Permission> effectivePermissions(String role) {
		return this.effectivePermissions.getOrDefault(role, Set.of());
	}

	/** Whether holding {@code held} satisfies a requirement for {@code required} through the hierarchy. */
	public boolean satisfiesRole(String held, String required) {
		return includedRoles(held).contains(required);
	}

	GrantSet grantsOf(String role) {
		return this.grants.get(role);
	}

	PermissionVocabulary vocabulary() {
		return this.vocabulary;
	}

	@Override
	public String toString() {
		return "AccessModel[roles=" + this.roles.keySet() + "]";
	}

	/**
	 * Collects roles and inheritance, then validates and compiles them. Not thread-safe; build once.
	 */
	public static final class Builder {

		private final Map<String, Set<Permission>> permissions = new LinkedHashMap<>();

		private final Map<String, Set<String>> inherits = new LinkedHashMap<>();

		private final List<String> errors = new ArrayList<>();

		private Builder() {
		}

		/** Defines a role with its own permissions (more may be added by calling again). */
		public Builder role(String name, String... permissions) {
			return role(name, List.of(permissions));
		}

		/** Defines a role with its own permissions (more may be added by calling again). */
		public Builder role(String name, Collection<String> permissions) {
			checkRoleName(name);
			Set<Permission> target = this.permissions.computeIfAbsent(name, (key) -> new LinkedHashSet<>());
			this.inherits.computeIfAbsent(name, (key) -> new LinkedHashSet<>());
			for (String text : permissions) {
				try {
					target.add(Permission.parse(text));
				}
				catch (InvalidPermissionException ex) {
					throw new InvalidAccessModelException("role '" + name + "': " + ex.getMessage(), ex);
				}
			}
			return this;
		}

		/** Defines every role of a map of role name to permissions, as bound from YAML. */
		public Builder roles(Map<String, ? extends Collection<String>> roles) {
			roles.forEach(this::role);
			return this;
		}

		/** Declares that {@code senior} inherits every permission of each junior role. */
		public Builder inherits(String senior, String... juniors) {
			checkRoleName(senior);
			Set<String> target = this.inherits.computeIfAbsent(senior, (key) -> new LinkedHashSet<>());
			for (String junior : juniors) {
				checkRoleName(junior);
				target.add(junior);
			}
			return this;
		}

		/**
		 * Declares a chain such as {@code org:owner > org:admin > org:member}: each role inherits
		 * the next one.
		 */
		public Builder hierarchy(String chain) {
			if (chain == null || chain.isBlank()) {
				throw new InvalidAccessModelException("a role hierarchy must not be blank");
			}
			String[] names = chain.split(">");
			if (names.length < 2) {
				throw new InvalidAccessModelException(
						"a role hierarchy needs at least two roles separated by '>': " + chain);
			}
			for (int i = 0; i + 1 < names.length; i++) {
				inherits(names[i].strip(), names[i + 1].strip());
			}
			return this;
		}

		/** Each chain of {@link #hierarchy(String)}. */
		public Builder hierarchy(Collection<String> chains) {
			chains.forEach(this::hierarchy);
			return this;
		}

		private static void checkRoleName(String name) {
			if (name == null || name.isBlank()) {
				throw new InvalidAccessModelException("a role name must not be blank");
			}
			for (int i = 0; i < name.length(); i++) {
				char c = name.charAt(i);
				if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '>' || c == ',') {
					throw new InvalidAccessModelException(
							"role name '" + name.strip() + "' must not contain whitespace, '>' or ','");
				}
			}
		}

		/**
		 * Validates and compiles the model.
		 * @throws InvalidAccessModelException if a role in the hierarchy is undefined or the
		 * hierarchy has a cycle
		 */
		public AccessModel build() {
			Map<String, RoleDefinition> definitions = new LinkedHashMap<>();
			for (Map.Entry<String, Set<String>> entry : this.inherits.entrySet()) {
				String role = entry.getKey();
				if (!this.permissions.containsKey(role)) {
					throw new InvalidAccessModelException("role '" + role
							+ "' is used in the hierarchy but not defined; define it with its permissions");
				}
				for (String junior : entry.getValue()) {
					if (!this.permissions.containsKey(junior)) {
						throw new InvalidAccessModelException("role '" + role + "' inherits from unknown role '"
								+ junior + "'; define it with its permissions");
					}
				}
			}
			this.permissions.forEach((role, granted) -> definitions.put(role,
					new RoleDefinition(role, granted, this.inherits.getOrDefault(role, Set.of()))));
			return new AccessModel(definitions, closure(definitions));
		}

		/** Depth-first walk with an explicit path so a cycle is reported by name. */
		private static Map<String, Set<String>> closure(Map<String, RoleDefinition> definitions) {
			Map<String, Set<String>> done = new HashMap<>();
			for (String role : definitions.keySet()) {
				visit(role, definitions, done, new ArrayDeque<>(), new HashSet<>());
			}
			return done;
		}

		private static Set<String> visit(String role, Map<String, RoleDefinition> definitions,
				Map<String, Set<String>> done, Deque<String> path, Set<String> onPath) {
			Set<String> known = done.get(role);
			if (known != null) {
				return known;
			}
			if (!onPath.add(role)) {
				List<String> cycle = new ArrayList<>();
				boolean inCycle = false;
				for (java.util.Iterator<String> it = path.descendingIterator(); it.hasNext();) {
					String step = it.next();
					inCycle |= step.equals(role);
					if (inCycle) {
						cycle.add(step);
					}
				}
				cycle.add(role);
				throw new InvalidAccessModelException("role hierarchy has a cycle: " + String.join(" > ", cycle));
			}
			path.push(role);
			Set<String> included = new LinkedHashSet<>();
			included.add(role);
			for (String junior : definitions.get(role).inherits()) {
				included.addAll(visit(junior, definitions, done, path, onPath));
			}
			path.pop();
			onPath.remove(role);
			Set<String> result = Set.copyOf(included);
			done.put(role, result);
			return result;
		}
	}
}
