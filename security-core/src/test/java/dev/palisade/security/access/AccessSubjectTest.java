package dev.palisade.security.access;

import java.util.Set;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccessSubjectTest {

	@ParameterizedTest
	@EnumSource(PrincipalKind.class)
	void everyKindBindsRolesAndPermissionsAtItsProject(PrincipalKind kind) {
		AccessSubject subject = AccessSubject.from(new PalisadePrincipal("s", kind, "acme", "p1",
				Set.of("project:viewer"), Set.of("agents:run")));
		assertThat(subject.roles()).containsExactly(new RoleBinding("project:viewer", Scope.project("acme", "p1")));
		assertThat(subject.permissions())
			.containsExactly(new PermissionBinding(Permission.parse("agents:run"), Scope.project("acme", "p1")));
	}

	@Test
	void orgPrincipalBindsAtItsOrg() {
		AccessSubject subject = AccessSubject.from(new PalisadePrincipal("u", PrincipalKind.USER, "acme", null,
				Set.of("org:admin", "platform:admin"), Set.of()));
		assertThat(subject.roles()).extracting(RoleBinding::scope).containsOnly(Scope.org("acme"));
	}

	@Test
	void tenantlessCredentialNeverBecomesPlatformWideExceptForPlatformRoles() {
		AccessSubject subject = AccessSubject.from(new PalisadePrincipal("svc", PrincipalKind.SERVICE, null, null,
				Set.of("org:owner", "platform:support"), Set.of("*")));
		assertThat(subject.roles()).containsExactly(new RoleBinding("platform:support", Scope.platform()));
		assertThat(subject.permissions()).isEmpty();
	}

	@Test
	void platformRolePrefixIsConfigurable() {
		PalisadePrincipal principal = new PalisadePrincipal("svc", PrincipalKind.SERVICE, null, null,
				Set.of("ops-root", "platform:admin"), Set.of());
		assertThat(AccessSubject.from(principal, "ops-").roles())
			.containsExactly(new RoleBinding("ops-root", Scope.platform()));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> AccessSubject.from(principal, ""));
	}

	@Test
	void malformedPrincipalPermissionIsACleanException() {
		PalisadePrincipal principal = new PalisadePrincipal("k", PrincipalKind.API_KEY, "acme", null, Set.of(),
				Set.of("agents read"));
		assertThatExceptionOfType(InvalidPermissionException.class).isThrownBy(() -> AccessSubject.from(principal));
	}

	@Test
	void bindingsAreCopiedAndToStringShowsNoSecrets() {
		java.util.List<RoleBinding> roles = new java.util.ArrayList<>();
		roles.add(new RoleBinding("r", Scope.org("acme")));
		AccessSubject subject = AccessSubject.of("s", roles, java.util.List.of());
		roles.clear();
		assertThat(subject.roles()).hasSize(1);
		assertThat(subject.toString()).contains("org/acme");
	}
}
