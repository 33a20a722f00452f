package dev.palisade.security.crypto.password;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class Argon2idHasherTest {

	private static final String SALT16 = Base64.getEncoder().withoutPadding().encodeToString(new byte[16]);

	private static final String HASH32 = Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);

	private final Argon2idHasher small = new Argon2idHasher(SmallParameters.ARGON2ID);

	@Test
	void defaultsAreOwaspAndProduceTheReferenceFormat() {
		Argon2idHasher hasher = new Argon2idHasher();
		String encoded = hasher.hash("correct horse battery staple");
		assertThat(encoded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		PhcString phc = PhcString.parse(encoded);
		assertThat(phc.salt()).hasSize(16);
		assertThat(phc.hash()).hasSize(32);
		assertThat(hasher.matches("correct horse battery staple", encoded)).isTrue();
		assertThat(hasher.needsRehash(encoded)).isFalse();
	}

	@Test
	void roundTripMatchesOnlyTheRightPassword() {
		String encoded = this.small.hash("s3cret");
		assertThat(this.small.matches("s3cret", encoded)).isTrue();
		assertThat(this.small.matches("s3creT", encoded)).isFalse();
		assertThat(this.small.matches("", encoded)).isFalse();
	}

	@Test
	void nonAsciiPasswordRoundTripsAsUtf8() {
		String encoded = this.small.hash("pässwörd 🔑");
		assertThat(this.small.matches("pässwörd 🔑", encoded)).isTrue();
		assertThat(this.small.matches("passwort 🔑", encoded)).isFalse();
	}

	@Test
	void everyHashHasAFreshSalt() {
		assertThat(this.small.hash("same")).isNotEqualTo(this.small.hash("same"));
	}

	@Test
	void flippedHashBitIsRejected() {
		String encoded = this.small.hash("s3cret");
		PhcString phc = PhcString.parse(encoded);
		byte[] hash = phc.hash();
		hash[hash.length - 1] ^= 1;
		String tampered = PhcString.format(phc.id(), phc.version(), phc.params(), phc.salt(), hash);
		assertThat(this.small.matches("s3cret", tampered)).isFalse();
	}

	@Test
	void weakerStoredParametersNeedRehash() {
		Argon2idHasher hasher = new Argon2idHasher();
		assertThat(hasher.needsRehash(stored(19456, 2, 1, 16, 32))).isFalse();
		assertThat(hasher.needsRehash(stored(65536, 3, 2, 16, 32))).as("stronger").isFalse();
		assertThat(hasher.needsRehash(stored(7168, 5, 1, 16, 32))).as("less memory").isTrue();
		assertThat(hasher.needsRehash(stored(19456, 1, 1, 16, 32))).as("fewer passes").isTrue();
		assertThat(hasher.needsRehash(stored(19456, 2, 1, 8, 32))).as("shorter salt").isTrue();
		assertThat(hasher.needsRehash(stored(19456, 2, 1, 16, 16))).as("shorter hash").isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "$", "$argon2id$", "argon2id$v=19$m=19456,t=2,p=1$SALT$HASH",
			"$argon2id$m=19456,t=2,p=1$SALT$HASH", "$argon2id$v=16$m=19456,t=2,p=1$SALT$HASH",
			"$argon2i$v=19$m=19456,t=2,p=1$SALT$HASH", "$argon2d$v=19$m=19456,t=2,p=1$SALT$HASH",
			"$argon2id$v=19$m=019456,t=2,p=1$SALT$HASH", "$argon2id$v=19$m=99999999999,t=2,p=1$SALT$HASH",
			"$argon2id$v=19$m=4194304,t=2,p=1$SALT$HASH", "$argon2id$v=19$m=7,t=2,p=1$SALT$HASH",
			"$argon2id$v=19$m=19456,t=0,p=1$SALT$HASH", "$argon2id$v=19$m=19456,t=65,p=1$SALT$HASH",
			"$argon2id$v=19$m=19456,t=2,p=0$SALT$HASH", "$argon2id$v=19$m=19456,t=2,p=17$SALT$HASH",
			"$argon2id$v=19$m=19456,t=2$SALT$HASH", "$argon2id$v=19$m=19456,t=2,p=1,x=1$SALT$HASH",
			"$argon2id$v=19$m=19456,m=19456,p=1$SALT$HASH", "$argon2id$v=19$m=-1,t=2,p=1$SALT$HASH",
			"$argon2id$v=19$m=１９４５６,t=2,p=1$SALT$HASH", "$argon2id$v=19$m=19456,t=2,p=1$SALT==$HASH",
			"$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAB$HASH", "$argon2id$v=19$m=19456,t=2,p=1$SALT$",
			"$argon2id$v=19$m=19456,t=2,p=1$$HASH", "$argon2id$v=19$m=19456,t=2,p=1$AAAAAA$HASH",
			"$argon2id$v=19$m=19456,t=2,p=1$SALT$AAAAAAAAAAA", "$argon2id$v=19$m=19456,t=2,p=1$SALT$HASH$",
			"$argon2id$v=19$m=19456, t=2,p=1$SALT$HASH", "$argon2id$v=19$m=19456,t=2,p=1$SALT$HASH\n",
			"$argon2id$v=19$m=19456,t=2,p=1$SA LT$HASH" })
	void malformedOrOutOfBoundsStoredHashIsRejectedWithoutThrowing(String template) {
		String encoded = template.replace("SALT", SALT16).replace("HASH", HASH32);
		assertThatNoException().isThrownBy(() -> {
			assertThat(this.small.matches("password", encoded)).isFalse();
			assertThat(this.small.needsRehash(encoded)).isTrue();
		});
	}

	@Test
	void nullArgumentsDoNotMatch() {
		assertThat(this.small.matches(null, stored(19456, 2, 1, 16, 32))).isFalse();
		assertThat(this.small.matches("password", null)).isFalse();
		assertThat(this.small.needsRehash(null)).isTrue();
	}

	@Test
	void passwordOverTheHardLimitIsRefused() {
		String huge = "a".repeat(PasswordPolicy.HARD_MAX_LENGTH + 1);
		assertThatExceptionOfType(PasswordRejectedException.class).isThrownBy(() -> this.small.hash(huge))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(PasswordRejectedException.Reason.TOO_LONG));
		assertThat(this.small.matches(huge, stored(19456, 2, 1, 16, 32))).isFalse();
	}

	@Test
	void unpairedSurrogateIsRefusedNotReplaced() {
		assertThatExceptionOfType(PasswordRejectedException.class).isThrownBy(() -> this.small.hash("ab\uD800cd"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(PasswordRejectedException.Reason.INVALID_UNICODE));
		// String.getBytes would have turned the surrogate into '?', so "ab?cd" must not verify either
		String encoded = this.small.hash("ab?cd");
		assertThat(this.small.matches("ab\uD800cd", encoded)).isFalse();
	}

	@Test
	void owaspRowsAreAccepted() {
		assertThatNoException().isThrownBy(() -> {
			new Argon2idHasher.Parameters(47104, 1, 1, 16, 32);
			new Argon2idHasher.Parameters(19456, 2, 1, 16, 32);
			new Argon2idHasher.Parameters(12288, 3, 1, 16, 32);
			new Argon2idHasher.Parameters(9216, 4, 1, 16, 32);
			new Argon2idHasher.Parameters(7168, 5, 1, 16, 32);
		});
	}

	@Test
	void insecureParametersAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idHasher.Parameters(4096, 10, 1, 16, 32))
			.withMessageContaining("memoryKib");
		assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idHasher.Parameters(19456, 1, 1, 16, 32))
			.withMessageContaining("OWASP");
		assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idHasher.Parameters(19456, 2, 0, 16, 32));
		assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idHasher.Parameters(19456, 2, 1, 8, 32));
		assertThatIllegalArgumentException().isThrownBy(() -> new Argon2idHasher.Parameters(19456, 2, 1, 16, 8));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Argon2idHasher.Parameters(Argon2idHasher.MAX_MEMORY_KIB + 1, 2, 1, 16, 32));
	}

	@Test
	void toStringShowsParametersOnly() {
		assertThat(new Argon2idHasher()).hasToString("Argon2idHasher[m=19456KiB, t=2, p=1, salt=16B, hash=32B]");
	}

	private static String stored(int m, int t, int p, int saltLength, int hashLength) {
		Map<String, Integer> costs = new LinkedHashMap<>();
		costs.put("m", m);
		costs.put("t", t);
		costs.put("p", p);
		return PhcString.format("argon2id", 19, costs, new byte[saltLength], new byte[hashLength]);
	}
}
