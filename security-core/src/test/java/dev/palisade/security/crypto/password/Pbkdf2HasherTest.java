package dev.palisade.security.crypto.password;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class Pbkdf2HasherTest {

	private static final String SALT16 = Base64.getEncoder().withoutPadding().encodeToString(new byte[16]);

	private static final String HASH32 = Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);

	@Test
	void defaultsAreOwaspAndRoundTrip() {
		Pbkdf2Hasher hasher = new Pbkdf2Hasher();
		String encoded = hasher.hash("correct horse battery staple");
		assertThat(encoded).startsWith("$pbkdf2-sha256$i=600000$");
		assertThat(hasher.matches("correct horse battery staple", encoded)).isTrue();
		assertThat(hasher.needsRehash(encoded)).isFalse();
	}

	@Test
	void roundTripWithSmallParametersMatchesOnlyTheRightPassword() {
		Pbkdf2Hasher hasher = new Pbkdf2Hasher(SmallParameters.PBKDF2);
		String encoded = hasher.hash("s3cret");
		assertThat(hasher.matches("s3cret", encoded)).isTrue();
		assertThat(hasher.matches("S3cret", encoded)).isFalse();
	}

	@Test
	void iterationsAreReadFromTheStoredHashSoOldHashesStillVerify() {
		String old = new Pbkdf2Hasher(SmallParameters.PBKDF2).hash("s3cret");
		Pbkdf2Hasher current = new Pbkdf2Hasher(new Pbkdf2Hasher.Parameters(120_000, 16, 32));
		assertThat(current.matches("s3cret", old)).isTrue();
		assertThat(current.needsRehash(old)).isTrue();
	}

	@Test
	void storedHashWithFewIterationsVerifiesAndNeedsRehash() {
		// a legacy 1,000-iteration hash (below the floor for new hashes) still verifies
		byte[] salt = new byte[16];
		byte[] dk = Pbkdf2Hasher.derive("s3cret".getBytes(), salt, 1000, 32);
		String legacy = PhcString.format("pbkdf2-sha256", -1, Map.of("i", 1000), salt, dk);
		Pbkdf2Hasher hasher = new Pbkdf2Hasher();
		assertThat(hasher.matches("s3cret", legacy)).isTrue();
		assertThat(hasher.needsRehash(legacy)).isTrue();
	}

	@Test
	void weakerStoredParametersNeedRehash() {
		Pbkdf2Hasher hasher = new Pbkdf2Hasher();
		assertThat(hasher.needsRehash(stored(600_000, 16, 32))).isFalse();
		assertThat(hasher.needsRehash(stored(700_000, 16, 32))).as("stronger").isFalse();
		assertThat(hasher.needsRehash(stored(310_000, 16, 32))).as("fewer iterations").isTrue();
		assertThat(hasher.needsRehash(stored(600_000, 8, 32))).as("shorter salt").isTrue();
		assertThat(hasher.needsRehash(stored(600_000, 16, 16))).as("shorter hash").isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "$pbkdf2-sha256$", "$pbkdf2-sha256$SALT$HASH", "$pbkdf2-sha256$i=0$SALT$HASH",
			"$pbkdf2-sha256$i=10000001$SALT$HASH", "$pbkdf2-sha256$i=600000,l=32$SALT$HASH",
			"$pbkdf2-sha512$i=600000$SALT$HASH", "$pbkdf2$i=600000$SALT$HASH", "$pbkdf2-sha256$v=1$i=600000$SALT$HASH",
			"$pbkdf2-sha256$i=600000$AAAAAA$HASH", "$pbkdf2-sha256$i=600000$SALT$AAAA",
			"5d923b44a6d129f3ddf3e3c8d29412723dcbde72445e8ef6bf3b508fbf17fa4ed4d6b99ca763d8dc" })
	void malformedOrOutOfBoundsStoredHashIsRejectedWithoutThrowing(String template) {
		String encoded = template.replace("SALT", SALT16).replace("HASH", HASH32);
		Pbkdf2Hasher hasher = new Pbkdf2Hasher(SmallParameters.PBKDF2);
		assertThatNoException().isThrownBy(() -> {
			assertThat(hasher.matches("password", encoded)).isFalse();
			assertThat(hasher.needsRehash(encoded)).isTrue();
		});
	}

	@Test
	void insecureParametersAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Pbkdf2Hasher.Parameters(99_999, 16, 32))
			.withMessageContaining("iterations");
		assertThatIllegalArgumentException().isThrownBy(() -> new Pbkdf2Hasher.Parameters(600_000, 8, 32));
		assertThatIllegalArgumentException().isThrownBy(() -> new Pbkdf2Hasher.Parameters(600_000, 16, 8));
	}

	@Test
	void toStringShowsParametersOnly() {
		assertThat(new Pbkdf2Hasher()).hasToString("Pbkdf2Hasher[HMAC-SHA256, i=600000, salt=16B, hash=32B]");
	}

	private static String stored(int iterations, int saltLength, int hashLength) {
		return PhcString.format("pbkdf2-sha256", -1, Map.of("i", iterations), new byte[saltLength],
				new byte[hashLength]);
	}
}
