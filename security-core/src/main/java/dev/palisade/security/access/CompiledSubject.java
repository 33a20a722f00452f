package dev.palisade.security.access;

import java.util.HashMap;
import java.util.Map;

/**
 * A subject's bindings merged per scope against one model: one role grant set and one direct
 * grant set for the platform, for each org and for each project, so a decision is at most two
 * map look-ups and six bit tests. Immutable.
 */
final class CompiledSubject {

	final AccessModel model;

	/** Null when the subject has no platform binding. */
	final Grants platform;

	final Map<String, OrgGrants> orgs;

	final boolean empty;

	private CompiledSubject(AccessModel model, Grants platform, Map<String, OrgGrants> orgs, boolean empty) {
		this.model = model;
		this.platform = platform;
		this.orgs = orgs;
		this.empty = empty;
	}

	static CompiledSubject compile(AccessSubject subject, AccessModel model) {
		GrantsBuilder platform = null;
		Map<String, OrgBuilder> orgs = new HashMap<>();
		for (RoleBinding binding : subject.roles()) {
			GrantSet grants = model.grantsOf(binding.role());
			GrantsBuilder target = builderFor(binding.scope(), orgs);
			if (target == null) {
				platform = (platform != null) ? platform : new GrantsBuilder();
				target = platform;
			}
			if (grants != null) {
				target.roles.addAll(grants);
			}
		}
		for (PermissionBinding binding : subject.permissions()) {
			GrantsBuilder target = builderFor(binding.scope(), orgs);
			if (target == null) {
				platform = (platform != null) ? platform : new GrantsBuilder();
				target = platform;
			}
			target.direct.add(binding.permission(), model.vocabulary());
		}
		Map<String, OrgGrants> compiledOrgs = new HashMap<>();
		orgs.forEach((org, builder) -> compiledOrgs.put(org, builder.build()));
		boolean empty = subject.roles().isEmpty() && subject.permissions().isEmpty();
		return new CompiledSubject(model, (platform != null) ? platform.build() : null, Map.copyOf(compiledOrgs),
				empty);
	}

	/** The builder for an org or project scope; null for the platform scope. */
	private static GrantsBuilder builderFor(Scope scope, Map<String, OrgBuilder> orgs) {
		if (scope.level() == Scope.Level.PLATFORM) {
			return null;
		}
		OrgBuilder org = orgs.computeIfAbsent(scope.org(), (key) -> new OrgBuilder());
		if (scope.level() == Scope.Level.ORG) {
			org.orgLevel = (org.orgLevel != null) ? org.orgLevel : new GrantsBuilder();
			return org.orgLevel;
		}
		return org.projects.computeIfAbsent(scope.project(), (key) -> new GrantsBuilder());
	}

	/** Role and direct grants at one scope. */
	static final class Grants {

		final GrantSet roles;

		final GrantSet direct;

		Grants(GrantSet roles, GrantSet direct) {
			this.roles = roles;
			this.direct = direct;
		}
	}

	/** Grants at one org: org-level (null if none) and per project. */
	static final class OrgGrants {

		final Grants orgLevel;

		final Map<String, Grants> projects;

		OrgGrants(Grants orgLevel, Map<String, Grants> projects) {
			this.orgLevel = orgLevel;
			this.projects = projects;
		}
	}

	private static final class GrantsBuilder {

		final GrantSet.Builder roles = new GrantSet.Builder();

		final GrantSet.Builder direct = new GrantSet.Builder();

		Grants build() {
			return new Grants(this.roles.build(), this.direct.build());
		}
	}

	private static final class OrgBuilder {

		GrantsBuilder orgLevel;

		final Map<String, GrantsBuilder> projects = new HashMap<>();

		OrgGrants build() {
			Map<String, Grants> compiled = new HashMap<>();
			this.projects.forEach((project, builder) -> compiled.put(project, builder.build()));
			return new OrgGrants((this.orgLevel != null) ? this.orgLevel.build() : null, Map.copyOf(compiled));
		}
	}
}
