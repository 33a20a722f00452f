package dev.palisade.security.apikey;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeCheckTest {

	@Test
	void exactPermissionImpliesItself() {
		assertThat(ScopeCheck.implies("agents:read", "agents:read")).isTrue();
		assertThat(ScopeCheck.implies("agents:read", "agents:write")).isFalse();
	}

	@Test
	void starImpliesEverything() {
		assertThat(ScopeCheck.implies("*", "agents:read")).isTrue();
		assertThat(ScopeCheck.implies("*", "agents:*")).isTrue();
		assertThat(ScopeCheck.implies("*", "*")).isTrue();
	}

	@Test
	void trailingWildcardImpliesEveryDeeperPermission() {
		assertThat(ScopeCheck.implies("agents:*", "agents:read")).isTrue();
		assertThat(ScopeCheck.implies("agents:*", "agents:runs:read")).isTrue();
		assertThat(ScopeCheck.implies("agents:*", "agents:*")).isTrue();
		assertThat(ScopeCheck.implies("agents:*", "agents")).isFalse();
		assertThat(ScopeCheck.implies("agents:*", "billing:read")).isFalse();
	}

	@Test
	void innerWildcardMatchesOneSegment() {
		assertThat(ScopeCheck.implies("*:read", "agents:read")).isTrue();
		assertThat(ScopeCheck.implies("*:read", "agents:write")).isFalse();
		assertThat(ScopeCheck.implies("agents:*:read", "agents:runs:read")).isTrue();
		assertThat(ScopeCheck.implies("agents:*:read", "agents:runs:write")).isFalse();
	}

	@Test
	void narrowPermissionNeverImpliesAWiderWildcard() {
		assertThat(ScopeCheck.implies("agents:read", "agents:*")).isFalse();
		assertThat(ScopeCheck.implies("agents:*", "*")).isFalse();
		assertThat(ScopeCheck.implies("agents:read", "*:read")).isFalse();
	}

	@Test
	void prefixOfAPermissionIsNotImplied() {
		assertThat(ScopeCheck.implies("agents:read", "agents:read:all")).isFalse();
		assertThat(ScopeCheck.implies("agents:read:all", "agents:read")).isFalse();
		assertThat(ScopeCheck.implies("agents", "agents:read")).isFalse();
	}

	@Test
	void invalidSyntaxNeverImpliesOrIsImplied() {
		for (String bad : new String[] { "", ":", "agents:", ":read", "agents::read", "agents read", "agents:re*d",
				"x".repeat(201) }) {
			assertThat(ScopeCheck.isValid(bad)).as(bad).isFalse();
			assertThat(ScopeCheck.implies("*", bad)).as(bad).isFalse();
		}
		assertThat(ScopeCheck.isValid(null)).isFalse();
	}

	@Test
	void notGrantedListsExactlyTheEscalatingScopes() {
		assertThat(ScopeCheck.notGranted(List.of("agents:read", "billing:*"),
				Set.of("agents:read", "billing:invoices:read", "agents:write", "*")))
			.containsExactlyInAnyOrder("agents:write", "*");
		assertThat(ScopeCheck.notGranted(List.of(), Set.of())).isEmpty();
	}

}
