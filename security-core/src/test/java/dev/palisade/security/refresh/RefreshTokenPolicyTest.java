package dev.palisade.security.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Policy defaults and the checks on configuration values and grants. */
class RefreshTokenPolicyTest {

	@Test
	void defaultsAreThirtyDaysAbsoluteSevenDaysIdle() {
		RefreshTokenPolicy policy = RefreshTokenPolicy.defaults();

		assertThat(policy.absoluteLifetime()).isEqualTo(Duration.ofDays(30));
		assertThat(policy.idleTimeout()).isEqualTo(Duration.ofDays(7));
		assertThat(policy.prefix()).isEqualTo("palrt");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "p", "Palrt", "pal_rt", "pal-rt", "1abc", "abcdefghijklmnopq" })
	void badPrefixesAreRejected(String prefix) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RefreshTokenPolicy(Duration.ofDays(1), Duration.ofHours(1), prefix));
	}

	@Test
	void nonPositiveDurationsAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RefreshTokenPolicy(Duration.ZERO, Duration.ofHours(1), "palrt"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RefreshTokenPolicy(Duration.ofDays(1), Duration.ofSeconds(-1), "palrt"));
	}

	@Test
	void grantRejectsProjectWithoutOrgAndTooManyAttributes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RefreshGrant("alice", null, "p", null));
		Map<String, String> many = new HashMap<>();
		for (int i = 0; i <= RefreshGrant.MAX_ATTRIBUTES; i++) {
			many.put("k" + i, "v");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> new RefreshGrant("alice", null, null, many));
	}
}
