package dev.palisade.security.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PermissionTest {

	@Test
	void parsesExactAndWildcardForms() {
		assertThat(Permission.parse("agents:read")).satisfies((p) -> {
			assertThat(p.resource()).isEqualTo("agents");
			assertThat(p.action()).isEqualTo("read");
			assertThat(p.isAnyAction()).isFalse();
		});
		assertThat(Permission.parse("agents:*").isAnyAction()).isTrue();
		assertThat(Permission.parse("*:read").isAnyResource()).isTrue();
		assertThat(Permission.parse("*").isAll()).isTrue();
		assertThat(Permission.parse("*:*")).isEqualTo(Permission.parse("*")).hasToString("*");
	}

	@Test
	void impliesFollowsWildcards() {
		RequiredPermission read = RequiredPermission.of("agents:read");
		assertThat(Permission.parse("agents:*").implies(read)).isTrue();
		assertThat(Permission.parse("*:read").implies(read)).isTrue();
		assertThat(Permission.parse("agents:write").implies(read)).isFalse();
		assertThat(Permission.parse("agent:read").implies(read)).isFalse();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "agents", "agents:", ":read", "a:b:c", "agents:re ad", "agents:read\n",
			"age*:read", "agents:**", "<script>:x", "agents:r%65ad" })
	void rejectsMalformedPermissionsWithoutEchoingThem(String text) {
		assertThatExceptionOfType(InvalidPermissionException.class).isThrownBy(() -> Permission.parse(text))
			.satisfies((ex) -> {
				if (text != null && !text.isEmpty()) {
					assertThat(ex.getMessage()).doesNotContain(text);
				}
			});
	}

	@Test
	void tokensLongerThanTheLimitAreRejected() {
		assertThatExceptionOfType(InvalidPermissionException.class)
			.isThrownBy(() -> Permission.parse("a".repeat(65) + ":read"));
		assertThat(Permission.parse("a".repeat(64) + ":read").resource()).hasSize(64);
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", "*:read", "agents:*" })
	void requiredPermissionsHaveNoWildcards(String text) {
		assertThatExceptionOfType(InvalidPermissionException.class).isThrownBy(() -> RequiredPermission.of(text));
	}
}
