package dev.palisade.security.crypto.password;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** No password, salt or hash appears in any toString or exception message. */
class NoSecretsInTextTest {

	private static final String SECRET = "Tr0ub4dor&3-unique-marker";

	@Test
	void toStringOfEveryPublicTypeShowsNoSecretMaterial() {
		DelegatingPasswordHasher hasher = new DelegatingPasswordHasher(Argon2idHasher.ID,
				Map.of(Argon2idHasher.ID, new Argon2idHasher(SmallParameters.ARGON2ID)), PasswordPolicy.defaults());
		PasswordVerification verification = new PasswordVerification(hasher);
		String stored = hasher.hash(SECRET);
		verification.verify(Optional.of(stored), SECRET);
		String salt = stored.split("\\$")[4];
		for (Object object : List.of(hasher, verification, new Argon2idHasher(), new ScryptHasher(),
				new Pbkdf2Hasher(), new BcryptHasher(), PasswordPolicy.defaults(), PhcString.parse(stored.substring(10)))) {
			assertThat(object.toString()).doesNotContain(SECRET).doesNotContain(salt).doesNotContain("$argon2id$");
		}
	}

	@Test
	void rejectionMessagesNeverQuoteThePassword() {
		String tooLong = SECRET.repeat(500);
		PasswordRejectedException tooLongEx = catchThrowableOfType(PasswordRejectedException.class,
				() -> DelegatingPasswordHasher.createDefault().hash(tooLong));
		PasswordRejectedException unicodeEx = catchThrowableOfType(PasswordRejectedException.class,
				() -> new Argon2idHasher(SmallParameters.ARGON2ID).hash(SECRET + "\uDC00"));
		PasswordRejectedException bcryptEx = catchThrowableOfType(PasswordRejectedException.class,
				() -> new BcryptHasher().hash(SECRET.repeat(4)));
		for (PasswordRejectedException ex : List.of(tooLongEx, unicodeEx, bcryptEx)) {
			assertThat(ex.getMessage()).doesNotContain(SECRET).doesNotContain("Tr0ub");
			assertThat(ex.toString()).doesNotContain(SECRET);
		}
	}
}
