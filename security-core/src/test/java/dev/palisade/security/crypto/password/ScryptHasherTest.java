package dev.palisade.security.crypto.password;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ScryptHasherTest {

	private static final String SALT16 = Base64.getEncoder().withoutPadding().encodeToString(new byte[16]);

	private static final String HASH32 = Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);

	@Test
	void defaultsAreOwaspAndRoundTrip() {
		ScryptHasher hasher = new ScryptHasher();
		String encoded = hasher.hash("correct horse battery staple");
		assertThat(encoded).startsWith("$scrypt$ln=17,r=8,p=1$");
		assertThat(PhcString.parse(encoded).hash()).hasSize(32);
		assertThat(hasher.matches("correct horse battery staple", encoded)).isTrue();
		assertThat(hasher.needsRehash(encoded)).isFalse();
	}

	@Test
	void roundTripWithSmallParametersMatchesOnlyTheRightPassword() {
		ScryptHasher hasher = new ScryptHasher(SmallParameters.SCRYPT);
		String encoded = hasher.hash("s3cret");
		assertThat(encoded).startsWith("$scrypt$ln=13,r=8,p=10$");
		assertThat(hasher.matches("s3cret", encoded)).isTrue();
		assertThat(hasher.matches("s3cret ", encoded)).isFalse();
	}

	@Test
	void weakerStoredParametersNeedRehash() {
		ScryptHasher hasher = new ScryptHasher();
		assertThat(hasher.needsRehash(stored(17, 8, 1, 16, 32))).isFalse();
		assertThat(hasher.needsRehash(stored(18, 8, 2, 16, 32))).as("stronger").isFalse();
		assertThat(hasher.needsRehash(stored(14, 8, 5, 16, 32))).as("smaller N").isTrue();
		assertThat(hasher.needsRehash(stored(17, 4, 1, 16, 32))).as("smaller r").isTrue();
		assertThat(hasher.needsRehash(stored(17, 8, 1, 8, 32))).as("shorter salt").isTrue();
		assertThat(hasher.needsRehash(stored(17, 8, 1, 16, 16))).as("shorter hash").isTrue();
		assertThat(new ScryptHasher(new ScryptHasher.Parameters(1 << 16, 8, 2, 16, 32))
			.needsRehash(stored(17, 8, 1, 16, 32))).as("fewer lanes").isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "$scrypt$", "$scrypt$ln=17,r=8$SALT$HASH", "$scrypt$N=131072,r=8,p=1$SALT$HASH",
			"$scrypt$v=1$ln=17,r=8,p=1$SALT$HASH", "$scrypt$ln=0,r=8,p=1$SALT$HASH", "$scrypt$ln=24,r=8,p=1$SALT$HASH",
			"$scrypt$ln=23,r=2,p=1$SALT$HASH", "$scrypt$ln=17,r=0,p=1$SALT$HASH", "$scrypt$ln=17,r=33,p=1$SALT$HASH",
			"$scrypt$ln=17,r=8,p=0$SALT$HASH", "$scrypt$ln=17,r=8,p=17$SALT$HASH", "$scrypt$ln=16,r=1,p=1$SALT$HASH",
			"$scrypt$ln=17,r=8,p=1$AAAAAA$HASH", "$scrypt$ln=17,r=8,p=1$SALT$AAAA", "$scrypt$ln=17,r=8,p=1$SALT$HASH=",
			"$7$C6..../....SodiumChloride$kBGj9fHznVYFQMEn/qDCfrDevf9YDtcDdKvEqHJLV8D" })
	void malformedOrOutOfBoundsStoredHashIsRejectedWithoutThrowing(String template) {
		String encoded = template.replace("SALT", SALT16).replace("HASH", HASH32);
		ScryptHasher hasher = new ScryptHasher(SmallParameters.SCRYPT);
		assertThatNoException().isThrownBy(() -> {
			assertThat(hasher.matches("password", encoded)).isFalse();
			assertThat(hasher.needsRehash(encoded)).isTrue();
		});
	}

	@Test
	void owaspRowsAreAccepted() {
		assertThatNoException().isThrownBy(() -> {
			new ScryptHasher.Parameters(1 << 17, 8, 1, 16, 32);
			new ScryptHasher.Parameters(1 << 16, 8, 2, 16, 32);
			new ScryptHasher.Parameters(1 << 15, 8, 3, 16, 32);
			new ScryptHasher.Parameters(1 << 14, 8, 5, 16, 32);
			new ScryptHasher.Parameters(1 << 13, 8, 10, 16, 32);
		});
	}

	@Test
	void insecureParametersAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ScryptHasher.Parameters(1 << 14, 8, 1, 16, 32))
			.withMessageContaining("OWASP");
		assertThatIllegalArgumentException().isThrownBy(() -> new ScryptHasher.Parameters(1 << 12, 8, 16, 16, 32))
			.withMessageContaining("8 MiB");
		assertThatIllegalArgumentException().isThrownBy(() -> new ScryptHasher.Parameters(100_000, 8, 1, 16, 32))
			.withMessageContaining("power of two");
		assertThatIllegalArgumentException().isThrownBy(() -> new ScryptHasher.Parameters(1 << 17, 8, 1, 8, 32));
		assertThatIllegalArgumentException().isThrownBy(() -> new ScryptHasher.Parameters(1 << 17, 8, 1, 16, 8));
		assertThatIllegalArgumentException().isThrownBy(() -> new ScryptHasher.Parameters(1 << 21, 8, 1, 16, 32))
			.as("2 GiB");
	}

	@Test
	void toStringShowsParametersOnly() {
		assertThat(new ScryptHasher()).hasToString("ScryptHasher[N=131072, r=8, p=1, salt=16B, hash=32B]");
	}

	private static String stored(int log2N, int r, int p, int saltLength, int hashLength) {
		Map<String, Integer> costs = new LinkedHashMap<>();
		costs.put("ln", log2N);
		costs.put("r", r);
		costs.put("p", p);
		return PhcString.format("scrypt", -1, costs, new byte[saltLength], new byte[hashLength]);
	}
}
