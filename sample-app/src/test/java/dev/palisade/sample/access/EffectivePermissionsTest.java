package dev.palisade.sample.access;

import java.util.Set;

import dev.palisade.security.access.AccessModel;
import dev.palisade.security.access.Scope;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a caller may put on an API key depends on where the key will act. */
class EffectivePermissionsTest {

	private final EffectivePermissions permissions = new EffectivePermissions(AccessModel.builder()
		.role("project:developer", "agents:read", "agents:write")
		.role("org:admin", "agents:*", "api-keys:manage")
		.role("platform:admin", "*")
		.build());

	@Test
	void aProjectRoleCountsOnItsProjectOnly() {
		PalisadePrincipal dev = new PalisadePrincipal("dev", PrincipalKind.USER, "acme", "p1",
				Set.of("project:developer"), Set.of("billing:read"));
		assertThat(this.permissions.on(dev, Scope.project("acme", "p1"))).containsExactly("agents:read", "agents:write",
				"billing:read");
		assertThat(this.permissions.on(dev, Scope.org("acme"))).isEmpty();
		assertThat(this.permissions.on(dev, Scope.project("acme", "p2"))).isEmpty();
		assertThat(this.permissions.on(dev, Scope.project("globex", "p1"))).isEmpty();
	}

	@Test
	void anOrgRoleCountsOnItsOrgAndItsProjectsButNotElsewhere() {
		PalisadePrincipal admin = new PalisadePrincipal("admin", PrincipalKind.USER, "acme", null, Set.of("org:admin"),
				Set.of());
		assertThat(this.permissions.on(admin, Scope.project("acme", "p2"))).contains("agents:*", "api-keys:manage");
		assertThat(this.permissions.on(admin, Scope.org("globex"))).isEmpty();
	}

	@Test
	void onlyAPlatformRoleCountsEverywhereAndATenantlessOrgRoleCountsNowhere() {
		PalisadePrincipal root = new PalisadePrincipal("root", PrincipalKind.USER, null, null,
				Set.of("platform:admin", "org:admin"), Set.of());
		assertThat(this.permissions.on(root, Scope.org("globex"))).containsExactly("*");
	}
}
