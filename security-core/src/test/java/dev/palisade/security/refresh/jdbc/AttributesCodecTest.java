package dev.palisade.security.refresh.jdbc;

import java.util.Map;

import dev.palisade.security.refresh.RefreshTokenStoreException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttributesCodecTest {

	@Test
	void roundTripsAndADamagedColumnIsAStoreFailureNotAParseError() {
		Map<String, String> attributes = Map.of("kind", "user", "roles", "org:admin project:viewer", "a&b", "c=d");
		assertThat(AttributesCodec.decode(AttributesCodec.encode(attributes))).isEqualTo(attributes);
		assertThat(AttributesCodec.decode("")).isEmpty();
		for (String damaged : new String[] { "{}", "kind=user&broken", "=x", "kind=%zz" }) {
			assertThatThrownBy(() -> AttributesCodec.decode(damaged)).as(damaged)
				.isInstanceOf(RefreshTokenStoreException.class)
				.hasMessageNotContaining(damaged);
		}
	}
}
