package dev.palisade.security.access;

import java.util.Objects;

/**
 * The policy decision point: may this subject perform this permission on a resource at this
 * scope? A project binding reaches only its project, an org binding its org and the org's
 * projects, and only a platform binding crosses orgs. Deny unless a binding grants. Thread-safe.
 *
 * <p>When several bindings grant, the reason names the first of: project role, org role,
 * platform role, direct permission.
 */
public final class AccessDecider {

	private static final AccessDecision UNAUTHENTICATED = AccessDecision.of(ReasonCode.DENIED_UNAUTHENTICATED);

	private static final AccessDecision PROJECT_ROLE = AccessDecision.of(ReasonCode.ALLOWED_PROJECT_ROLE);

	private static final AccessDecision ORG_ROLE = AccessDecision.of(ReasonCode.ALLOWED_ORG_ROLE);

	private static final AccessDecision PLATFORM_ROLE = AccessDecision.of(ReasonCode.ALLOWED_PLATFORM_ROLE);

	private static final AccessDecision DIRECT = AccessDecision.of(ReasonCode.ALLOWED_DIRECT_PERMISSION);

	private final AccessModel model;

	/** A decider over a compiled model. */
	public AccessDecider(AccessModel model) {
		this.model = Objects.requireNonNull(model, "model");
	}

	/** The model this decider uses. */
	public AccessModel model() {
		return this.model;
	}

	/**
	 * Decides whether {@code subject} holds {@code permission} on a resource at {@code target}.
	 * @param subject the caller, or {@code null} when unauthenticated
	 * @param permission the required permission, ideally from {@link AccessModel#require(String)}
	 * @param target where the resource lives
	 */
	public AccessDecision decide(AccessSubject subject, RequiredPermission permission, Scope target) {
		Objects.requireNonNull(permission, "permission");
		Objects.requireNonNull(target, "target");
		if (subject == null) {
			return UNAUTHENTICATED;
		}
		CompiledSubject compiled = subject.compiledFor(this.model);
		RequiredPermission p = this.model.bind(permission);
		CompiledSubject.OrgGrants org = null;
		CompiledSubject.Grants project = null;
		if (target.org() != null) {
			org = compiled.orgs.get(target.org());
			if (org != null && target.project() != null) {
				project = org.projects.get(target.project());
			}
		}
		CompiledSubject.Grants orgLevel = (org != null) ? org.orgLevel : null;
		CompiledSubject.Grants platform = compiled.platform;
		if (project != null && project.roles.grants(p)) {
			return PROJECT_ROLE;
		}
		if (orgLevel != null && orgLevel.roles.grants(p)) {
			return ORG_ROLE;
		}
		if (platform != null && platform.roles.grants(p)) {
			return PLATFORM_ROLE;
		}
		if ((project != null && project.direct.grants(p)) || (orgLevel != null && orgLevel.direct.grants(p))
				|| (platform != null && platform.direct.grants(p))) {
			return DIRECT;
		}
		return AccessDecision.of(denyReason(compiled, target, org, project));
	}

	private static ReasonCode denyReason(CompiledSubject compiled, Scope target, CompiledSubject.OrgGrants org,
			CompiledSubject.Grants project) {
		boolean reachesTarget = compiled.platform != null || project != null || (org != null && org.orgLevel != null);
		if (reachesTarget || compiled.empty) {
			return ReasonCode.DENIED_NO_PERMISSION;
		}
		if (target.level() == Scope.Level.PLATFORM) {
			return ReasonCode.DENIED_INSUFFICIENT_SCOPE;
		}
		if (org != null) {
			return (target.level() == Scope.Level.ORG) ? ReasonCode.DENIED_INSUFFICIENT_SCOPE
					: ReasonCode.DENIED_OTHER_PROJECT;
		}
		return ReasonCode.DENIED_OTHER_TENANT;
	}

	/**
	 * Decides whether {@code subject} holds {@code role} (or a role that inherits it) at a scope
	 * that reaches {@code target}. For rules that name a role instead of a permission.
	 */
	public AccessDecision decideRole(AccessSubject subject, String role, Scope target) {
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(target, "target");
		if (subject == null) {
			return UNAUTHENTICATED;
		}
		ReasonCode best = null;
		for (RoleBinding binding : subject.roles()) {
			if (binding.scope().covers(target) && this.model.satisfiesRole(binding.role(), role)) {
				ReasonCode reason = switch (binding.scope().level()) {
					case PROJECT -> ReasonCode.ALLOWED_PROJECT_ROLE;
					case ORG -> ReasonCode.ALLOWED_ORG_ROLE;
					case PLATFORM -> ReasonCode.ALLOWED_PLATFORM_ROLE;
				};
				if (best == null || reason.ordinal() < best.ordinal()) {
					best = reason;
				}
			}
		}
		if (best != null) {
			return AccessDecision.of(best);
		}
		CompiledSubject compiled = subject.compiledFor(this.model);
		CompiledSubject.OrgGrants org = (target.org() != null) ? compiled.orgs.get(target.org()) : null;
		CompiledSubject.Grants project = (org != null && target.project() != null)
				? org.projects.get(target.project()) : null;
		return AccessDecision.of(denyReason(compiled, target, org, project));
	}
}
