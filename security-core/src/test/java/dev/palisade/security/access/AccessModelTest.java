package dev.palisade.security.access;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccessModelTest {

	@Test
	void hierarchyChainGivesSeniorRolesTheirJuniorsPermissionsTransitively() {
		AccessModel model = AccessModel.builder()
			.role("org:owner", "billing:*")
			.role("org:admin", "members:*")
			.role("org:member", "org:read")
			.hierarchy("org:owner > org:admin > org:member")
			.build();
		assertThat(model.effectivePermissions("org:owner")).extracting(Permission::toString)
			.containsExactlyInAnyOrder("billing:*", "members:*", "org:read");
		assertThat(model.effectivePermissions("org:member")).extracting(Permission::toString)
			.containsExactly("org:read");
		assertThat(model.includedRoles("org:owner")).containsExactlyInAnyOrder("org:owner", "org:admin", "org:member");
		assertThat(model.satisfiesRole("org:owner", "org:member")).isTrue();
		assertThat(model.satisfiesRole("org:member", "org:owner")).isFalse();
		assertThat(model.satisfiesRole("unknown", "unknown")).isFalse();
	}

	@Test
	void rolesAndHierarchyCanComeFromBoundYamlMapsAndLists() {
		AccessModel model = AccessModel.builder()
			.roles(Map.of("a", List.of("x:read"), "b", List.of("y:read")))
			.hierarchy(List.of("a > b"))
			.build();
		assertThat(model.effectivePermissions("a")).hasSize(2);
		assertThat(model.roles()).containsOnlyKeys("a", "b");
		assertThat(model.role("b")).get().extracting(RoleDefinition::inherits).isEqualTo(java.util.Set.of());
	}

	@Test
	void selfInheritanceIsACycle() {
		AccessModel.Builder builder = AccessModel.builder().role("a", "x:read").inherits("a", "a");
		assertThatExceptionOfType(InvalidAccessModelException.class).isThrownBy(builder::build)
			.withMessage("role hierarchy has a cycle: a > a");
	}

	@Test
	void threeRoleCycleIsRejectedWithItsPath() {
		AccessModel.Builder builder = AccessModel.builder()
			.role("a", "x:read")
			.role("b", "y:read")
			.role("c", "z:read")
			.hierarchy("a > b > c")
			.inherits("c", "a");
		assertThatExceptionOfType(InvalidAccessModelException.class).isThrownBy(builder::build)
			.withMessageContaining("cycle")
			.withMessageContaining("a > b > c > a");
	}

	@Test
	void inheritingFromAnUndefinedRoleIsRejected() {
		AccessModel.Builder builder = AccessModel.builder().role("org:admin", "members:*").inherits("org:admin",
				"org:membr");
		assertThatExceptionOfType(InvalidAccessModelException.class).isThrownBy(builder::build)
			.withMessageContaining("unknown role 'org:membr'");
	}

	@Test
	void anUndefinedSeniorRoleInTheHierarchyIsRejected() {
		AccessModel.Builder builder = AccessModel.builder().role("org:member", "org:read").hierarchy(
				"org:owner > org:member");
		assertThatExceptionOfType(InvalidAccessModelException.class).isThrownBy(builder::build)
			.withMessageContaining("'org:owner' is used in the hierarchy but not defined");
	}

	@Test
	void invalidPermissionInARoleNamesTheRole() {
		assertThatExceptionOfType(InvalidAccessModelException.class)
			.isThrownBy(() -> AccessModel.builder().role("org:admin", "members:invite:all"))
			.withMessageContaining("role 'org:admin'");
	}

	@Test
	void hierarchyNeedsTwoRoles() {
		assertThatExceptionOfType(InvalidAccessModelException.class)
			.isThrownBy(() -> AccessModel.builder().hierarchy("org:owner"));
		assertThatExceptionOfType(InvalidAccessModelException.class).isThrownBy(() -> AccessModel.builder().hierarchy(" "));
	}

	@Test
	void roleNamesMustNotContainSeparators() {
		assertThatExceptionOfType(InvalidAccessModelException.class)
			.isThrownBy(() -> AccessModel.builder().role("org admin", "x:read"));
		assertThatExceptionOfType(InvalidAccessModelException.class)
			.isThrownBy(() -> AccessModel.builder().role("a>b", "x:read"));
	}

	@Test
	void requireBindsToTheModelAndRejectsWildcards() {
		AccessModel model = AccessFixtures.model();
		RequiredPermission read = model.require("agents:read");
		assertThat(read.model).isSameAs(model);
		assertThat(read.permissionId).isNotNegative();
		assertThat(model.require("widgets:spin").permissionId).isEqualTo(-1);
		assertThatExceptionOfType(InvalidPermissionException.class).isThrownBy(() -> model.require("agents:*"));
	}

	@Test
	void aSubjectCompiledForOneModelIsRecompiledForAnother() {
		AccessModel generous = AccessModel.builder().role("r", "*").build();
		AccessModel strict = AccessModel.builder().role("r", "agents:read").build();
		AccessSubject subject = AccessSubject.of("s", List.of(new RoleBinding("r", Scope.org("acme"))), List.of());
		RequiredPermission write = RequiredPermission.of("agents:write");
		assertThat(new AccessDecider(generous).decide(subject, write, Scope.org("acme")).allowed()).isTrue();
		assertThat(new AccessDecider(strict).decide(subject, write, Scope.org("acme")).allowed()).isFalse();
		assertThat(new AccessDecider(strict).decide(subject, generous.require("agents:read"), Scope.org("acme"))
			.allowed()).isTrue();
	}
}
