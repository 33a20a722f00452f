package dev.palisade.security.principal;

import java.util.HashSet;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PalisadePrincipalTest {

	@Test
	void projectWithoutOrgIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PalisadePrincipal("u1", PrincipalKind.USER, null, "p1", Set.of(), Set.of()));
	}

	@Test
	void rolesAreCopiedSoCallersCannotMutateThem() {
		Set<String> roles = new HashSet<>(Set.of("org:member"));
		PalisadePrincipal principal = new PalisadePrincipal("u1", PrincipalKind.USER, "acme", null, roles, null);
		roles.add("org:owner");
		assertThat(principal.roles()).containsExactly("org:member");
		assertThat(principal.permissions()).isEmpty();
	}

	@Property
	void everyKindRoundTripsThroughItsWireName(@ForAll PrincipalKind kind) {
		assertThat(PrincipalKind.fromWireName(kind.wireName().toUpperCase())).isEqualTo(kind);
	}
}
