package dev.palisade.security.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScopeTest {

	private static final Scope PLATFORM = Scope.platform();

	private static final Scope ACME = Scope.org("acme");

	private static final Scope ACME_P1 = Scope.project("acme", "p1");

	@Test
	void platformCoversEverything() {
		assertThat(PLATFORM.covers(PLATFORM)).isTrue();
		assertThat(PLATFORM.covers(ACME)).isTrue();
		assertThat(PLATFORM.covers(ACME_P1)).isTrue();
	}

	@Test
	void orgCoversItselfAndItsProjectsOnly() {
		assertThat(ACME.covers(ACME)).isTrue();
		assertThat(ACME.covers(ACME_P1)).isTrue();
		assertThat(ACME.covers(PLATFORM)).isFalse();
		assertThat(ACME.covers(Scope.org("globex"))).isFalse();
		assertThat(ACME.covers(Scope.project("globex", "p1"))).isFalse();
	}

	@Test
	void projectCoversOnlyItselfNotTheSameNameInAnotherOrg() {
		assertThat(ACME_P1.covers(ACME_P1)).isTrue();
		assertThat(ACME_P1.covers(Scope.project("acme", "p2"))).isFalse();
		assertThat(ACME_P1.covers(Scope.project("globex", "p1"))).isFalse();
		assertThat(ACME_P1.covers(ACME)).isFalse();
		assertThat(ACME_P1.covers(PLATFORM)).isFalse();
	}

	@Test
	void invalidIdentifiersAreACleanExceptionWithoutTheInput() {
		assertThatExceptionOfType(InvalidScopeException.class).isThrownBy(() -> Scope.org(null));
		assertThatExceptionOfType(InvalidScopeException.class).isThrownBy(() -> Scope.org(" "));
		assertThatExceptionOfType(InvalidScopeException.class).isThrownBy(() -> Scope.project("acme", ""));
		assertThatExceptionOfType(InvalidScopeException.class).isThrownBy(() -> Scope.org("a".repeat(257)));
		assertThatExceptionOfType(InvalidScopeException.class).isThrownBy(() -> Scope.org("ac\nme"))
			.withMessageNotContaining("ac\nme");
	}

	@Test
	void equalityAndText() {
		assertThat(Scope.project("acme", "p1")).isEqualTo(ACME_P1).hasSameHashCodeAs(ACME_P1);
		assertThat(ACME_P1).isNotEqualTo(Scope.project("globex", "p1")).hasToString("project/acme/p1");
		assertThat(ACME).hasToString("org/acme");
		assertThat(PLATFORM).hasToString("platform");
	}
}
