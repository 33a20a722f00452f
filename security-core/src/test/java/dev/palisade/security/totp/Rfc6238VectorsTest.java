package dev.palisade.security.totp;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of RFC 6238 Appendix B (testvectors/rfc, copied from the shared test data with its SOURCE.txt). */
class Rfc6238VectorsTest {

	@Test
	void everyRfc6238VectorPasses() throws Exception {
		JsonNode root;
		try (InputStream in = getClass().getResourceAsStream("/testvectors/rfc/rfc6238_totp_test_vectors.json")) {
			root = JsonMapper.builder().build().readTree(in);
		}
		int checked = 0;
		for (JsonNode vector : root.get("vectors")) {
			Totp totp = new Totp(TotpAlgorithm.valueOf(vector.get("mode").asString()), root.get("digits").asInt(),
					Duration.ofSeconds(root.get("time_step_seconds").asLong()));
			byte[] key = HexFormat.of().parseHex(vector.get("key_hex").asString());
			Instant time = Instant.ofEpochSecond(vector.get("time").asLong());
			long step = totp.timeStep(time);
			assertThat(HexFormat.of().withUpperCase().toHexDigits(step)).isEqualTo(vector.get("T_hex").asString());
			assertThat(totp.code(key, step)).as("%s at %s", vector.get("mode"), time).isEqualTo(vector.get("totp").asString());
			assertThat(totp.matchingStep(key, vector.get("totp").asString(), time, 0, Long.MIN_VALUE)).hasValue(step);
			checked++;
		}
		assertThat(checked).isEqualTo(18);
	}
}
