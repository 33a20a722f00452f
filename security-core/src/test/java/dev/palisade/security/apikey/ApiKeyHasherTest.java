package dev.palisade.security.apikey;

import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;

import dev.palisade.security.crypto.keyring.KeyStatus;
import dev.palisade.security.crypto.keyring.Keyring;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApiKeyHasherTest {

	private static final HexFormat HEX = HexFormat.of();

	@Test
	void hashIsStandardHmacSha256OverRfc4231VectorsWithPepperLengthKeys() throws Exception {
		JsonNode root;
		try (InputStream in = getClass().getResourceAsStream("/testvectors/rfc/rfc4231_hmac_sha2_test_vectors.json")) {
			root = JsonMapper.builder().build().readTree(in);
		}
		int checked = 0;
		for (JsonNode testCase : root.get("test_cases")) {
			byte[] key = HEX.parseHex(testCase.get("key_hex").asString());
			JsonNode ascii = testCase.get("data_ascii");
			if (key.length < Pepper.MIN_LENGTH || ascii == null || ascii.isNull() || !testCase.get("truncated_to_bits").isNull()) {
				continue;
			}
			ApiKeyHasher hasher = new ApiKeyHasher(new Pepper("rfc", key));
			ApiKeyHash hash = hasher.hash(ascii.asString());
			assertThat(HEX.formatHex(hash.value())).as("RFC 4231 test case %s", testCase.get("test_case"))
				.isEqualTo(testCase.get("hmac_sha256_hex").asString());
			assertThat(hasher.matches(ascii.asString(), hash)).isTrue();
			checked++;
		}
		assertThat(checked).isEqualTo(2);
	}

	@Test
	void shortPepperIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Pepper("p1", new byte[31]));
	}

	@Test
	void pepperToStringHidesTheSecret() {
		byte[] secret = "0123456789abcdef0123456789abcdef".getBytes();
		Pepper pepper = new Pepper("p1", secret);
		assertThat(pepper.toString()).contains("p1").doesNotContain("0123456789abcdef");
	}

	@Test
	void differentKeysAndDifferentPeppersGiveDifferentHashes() {
		ApiKeyHasher one = new ApiKeyHasher(ApiKeyTestData.pepper("p1"));
		ApiKeyHasher two = new ApiKeyHasher(ApiKeyTestData.pepper("p2"));
		assertThat(one.hash("pal_a")).isNotEqualTo(one.hash("pal_b"));
		assertThat(one.hash("pal_a").value()).isNotEqualTo(two.hash("pal_a").value());
		assertThat(one.matches("pal_b", one.hash("pal_a"))).isFalse();
	}

	@Test
	void hashesOfAPreviousPepperStillVerifyAfterPepperRotation() {
		ApiKeyHasher before = new ApiKeyHasher(ApiKeyTestData.pepper("p1"));
		ApiKeyHash old = before.hash("pal_key");
		ApiKeyHasher after = new ApiKeyHasher(ApiKeyTestData.pepper("p2"), List.of(ApiKeyTestData.pepper("p1")));
		assertThat(after.matches("pal_key", old)).isTrue();
		assertThat(after.hash("pal_key").pepperId()).isEqualTo("p2");
	}

	@Test
	void hashOfAPepperNoLongerConfiguredNeverMatches() {
		ApiKeyHash old = new ApiKeyHasher(ApiKeyTestData.pepper("p1")).hash("pal_key");
		ApiKeyHasher after = new ApiKeyHasher(ApiKeyTestData.pepper("p2"));
		assertThat(after.matches("pal_key", old)).isFalse();
		// same bytes under a forged pepper id do not help either
		assertThat(after.matches("pal_key", new ApiKeyHash("p2", old.value()))).isFalse();
	}

	@Test
	void aDisabledPepperInTheKeyringStopsItsHashesMatchingAndAPromotedOneMakesNewHashes() {
		ApiKeyHash old = new ApiKeyHasher(ApiKeyTestData.pepper("p1")).hash("pal_key");
		Keyring<Pepper> peppers = Keyring.of("p1", ApiKeyTestData.pepper("p1")).withAdded("p2", ApiKeyTestData.pepper("p2"));
		ApiKeyHasher published = new ApiKeyHasher(peppers);
		assertThat(published.hash("pal_key").pepperId()).isEqualTo("p1");
		ApiKeyHasher promoted = new ApiKeyHasher(peppers.withPrimary("p2"));
		assertThat(promoted.hash("pal_key").pepperId()).isEqualTo("p2");
		assertThat(promoted.matches("pal_key", old)).isTrue();
		ApiKeyHasher disabled = new ApiKeyHasher(peppers.withPrimary("p2").withStatus("p1", KeyStatus.DISABLED));
		assertThat(disabled.matches("pal_key", old)).isFalse();
		assertThat(disabled.toString()).contains("p1=DISABLED").doesNotContain(new String(ApiKeyTestData.pepper("p1").secret()));
	}

	@Test
	void aKeyringIdThatDiffersFromItsPeppersIdIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApiKeyHasher(Keyring.of("p9", ApiKeyTestData.pepper("p1"))));
	}

	@Test
	void duplicatePepperIdsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new ApiKeyHasher(ApiKeyTestData.pepper("p1"), List.of(ApiKeyTestData.pepper("p1"))));
	}

	@Test
	void hashRoundTripsThroughBase64AndHidesItsBytes() {
		ApiKeyHash hash = new ApiKeyHasher(ApiKeyTestData.pepper("p1")).hash("pal_key");
		assertThat(ApiKeyHash.fromBase64("p1", hash.toBase64())).isEqualTo(hash);
		assertThat(hash.toString()).doesNotContain(hash.toBase64()).doesNotContain(HEX.formatHex(hash.value()));
		assertThatIllegalArgumentException().isThrownBy(() -> ApiKeyHash.fromBase64("p1", "not base64!"));
		assertThatIllegalArgumentException().isThrownBy(() -> ApiKeyHash.fromBase64("p1", "AAAA"));
	}

	@Test
	void hashIsComputedConcurrentlyWithoutInterference() throws Exception {
		ApiKeyHasher hasher = new ApiKeyHasher(ApiKeyTestData.pepper("p1"));
		ApiKeyHash expected = hasher.hash("pal_concurrent");
		List<Thread> threads = new java.util.ArrayList<>();
		java.util.concurrent.atomic.AtomicInteger mismatches = new java.util.concurrent.atomic.AtomicInteger();
		for (int t = 0; t < 4; t++) {
			Thread thread = new Thread(() -> {
				for (int i = 0; i < 2000; i++) {
					if (!hasher.matches("pal_concurrent", expected) || hasher.matches("pal_other", expected)) {
						mismatches.incrementAndGet();
					}
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(mismatches).hasValue(0);
	}

}
