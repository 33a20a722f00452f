package dev.palisade.security.access;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Decider behaviour beyond the table: role requirements and shared decisions. */
class AccessDeciderTest {

	private final AccessDecider decider = new AccessDecider(AccessFixtures.model());

	private static AccessSubject subject(RoleBinding... bindings) {
		return AccessSubject.of("s", List.of(bindings), List.of());
	}

	@Test
	void roleRequirementIsSatisfiedBySeniorRoleAtACoveringScope() {
		AccessSubject owner = subject(new RoleBinding("org:owner", Scope.org("acme")));
		assertThat(this.decider.decideRole(owner, "org:member", Scope.project("acme", "p1")).reason())
			.isEqualTo(ReasonCode.ALLOWED_ORG_ROLE);
		assertThat(this.decider.decideRole(owner, "project:viewer", Scope.project("acme", "p1")).reason())
			.isEqualTo(ReasonCode.ALLOWED_ORG_ROLE);
	}

	@Test
	void roleRequirementNeverCrossesTenantsOrProjects() {
		AccessSubject viewer = subject(new RoleBinding("project:admin", Scope.project("acme", "p1")));
		assertThat(this.decider.decideRole(viewer, "project:viewer", Scope.project("acme", "p2")).reason())
			.isEqualTo(ReasonCode.DENIED_OTHER_PROJECT);
		assertThat(this.decider.decideRole(viewer, "project:viewer", Scope.project("globex", "p1")).reason())
			.isEqualTo(ReasonCode.DENIED_OTHER_TENANT);
		assertThat(this.decider.decideRole(viewer, "org:member", Scope.org("acme")).reason())
			.isEqualTo(ReasonCode.DENIED_INSUFFICIENT_SCOPE);
	}

	@Test
	void roleRequirementReportsTheNarrowestGrantingBinding() {
		AccessSubject subject = subject(new RoleBinding("platform:admin", Scope.platform()),
				new RoleBinding("project:viewer", Scope.project("acme", "p1")));
		assertThat(this.decider.decideRole(subject, "project:viewer", Scope.project("acme", "p1")).reason())
			.isEqualTo(ReasonCode.ALLOWED_PROJECT_ROLE);
		assertThat(this.decider.decideRole(subject, "platform:admin", Scope.project("acme", "p1")).reason())
			.isEqualTo(ReasonCode.ALLOWED_PLATFORM_ROLE);
		assertThat(this.decider.decideRole(null, "project:viewer", Scope.platform()).reason())
			.isEqualTo(ReasonCode.DENIED_UNAUTHENTICATED);
	}

	@Test
	void decisionsAreSharedConstantsSoNothingIsAllocated() {
		AccessSubject viewer = subject(new RoleBinding("project:viewer", Scope.project("acme", "p1")));
		RequiredPermission read = this.decider.model().require("agents:read");
		AccessDecision first = this.decider.decide(viewer, read, Scope.project("acme", "p1"));
		assertThat(this.decider.decide(viewer, read, Scope.project("acme", "p1"))).isSameAs(first)
			.isSameAs(AccessDecision.of(ReasonCode.ALLOWED_PROJECT_ROLE));
		assertThat(first).hasToString("ALLOW(ALLOWED_PROJECT_ROLE)");
	}

	@Test
	void everyReasonCodeIsEitherAllowOrDenyByName() {
		for (ReasonCode reason : ReasonCode.values()) {
			assertThat(reason.allowed()).as(reason.name()).isEqualTo(reason.name().startsWith("ALLOWED_"));
		}
	}
}
