package dev.palisade.security.crypto.password;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scrypt and PBKDF2-HMAC-SHA256 against RFC 7914 sections 11 and 12. Sections 8-10 (Salsa20/8,
 * BlockMix, ROMix) test internals BouncyCastle does not expose; they are covered through section 12.
 */
class ScryptPbkdf2VectorsTest {

	private static final JsonNode RFC = TestVectors.load("rfc/rfc7914_scrypt_test_vectors.json");

	/** The N=1048576 vector needs 1 GiB of memory; it is skipped (counted below). */
	private static final long MAX_TEST_MEMORY_BYTES = 64L * 1024 * 1024;

	static Stream<Arguments> scrypt() {
		return RFC.get("scrypt").values().stream()
			.filter((v) -> v.get("memory_bytes").asLong() <= MAX_TEST_MEMORY_BYTES)
			.map((v) -> Arguments.of(v.get("N").asInt(), v));
	}

	@ParameterizedTest(name = "RFC 7914 section 12, N={0}")
	@MethodSource("scrypt")
	void scryptVector(int n, JsonNode v) {
		byte[] dk = ScryptHasher.derive(TestVectors.hex(v.get("password_hex")), TestVectors.hex(v.get("salt_hex")), n,
				v.get("r").asInt(), v.get("p").asInt(), v.get("dk_len").asInt());
		assertThat(dk).isEqualTo(TestVectors.hex(v.get("dk_hex")));
	}

	@Test
	void onlyTheOneGibibyteScryptVectorIsSkipped() {
		assertThat(RFC.get("scrypt").values()).hasSize(4);
		assertThat(scrypt()).hasSize(3);
	}

	@Test
	void scryptVectorVerifiesThroughHasherAsPhcString() {
		// N=16384, r=8, p=1 with the 14-byte salt "SodiumChloride": within the verification bounds
		JsonNode v = RFC.get("scrypt").get(2);
		assertThat(v.get("N").asInt()).isEqualTo(16384);
		Map<String, Integer> costs = new LinkedHashMap<>();
		costs.put("ln", 14);
		costs.put("r", v.get("r").asInt());
		costs.put("p", v.get("p").asInt());
		String encoded = PhcString.format("scrypt", -1, costs, TestVectors.hex(v.get("salt_hex")),
				TestVectors.hex(v.get("dk_hex")));
		ScryptHasher hasher = new ScryptHasher();
		assertThat(hasher.matches(v.get("password").asString(), encoded)).isTrue();
		assertThat(hasher.matches("pleaseletmeout", encoded)).isFalse();
		assertThat(hasher.needsRehash(encoded)).isTrue();
	}

	static Stream<Arguments> pbkdf2() {
		return RFC.get("pbkdf2_hmac_sha256").values().stream().map((v) -> Arguments.of(v.get("iterations").asInt(), v));
	}

	@ParameterizedTest(name = "RFC 7914 section 11, {0} iterations")
	@MethodSource("pbkdf2")
	void pbkdf2HmacSha256Vector(int iterations, JsonNode v) {
		byte[] dk = Pbkdf2Hasher.derive(v.get("password").asString().getBytes(StandardCharsets.UTF_8),
				TestVectors.hex(v.get("salt_hex")), iterations, v.get("dk_len").asInt());
		assertThat(dk).isEqualTo(TestVectors.hex(v.get("dk_hex")));
	}

	@Test
	void bothPbkdf2VectorsRun() {
		assertThat(pbkdf2()).hasSize(2);
	}
}
