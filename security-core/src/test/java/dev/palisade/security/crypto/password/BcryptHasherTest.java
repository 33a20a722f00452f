package dev.palisade.security.crypto.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class BcryptHasherTest {

	/**
	 * bcrypt of "password" with cost 10, from the Spring Security reference documentation
	 * (Password Storage, "Password Storage Format"): a legacy hash made by another implementation.
	 */
	static final String SPRING_DOCS_PASSWORD = "$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG";

	private final BcryptHasher hasher = new BcryptHasher();

	@Test
	void legacyHashFromAnotherImplementationVerifies() {
		assertThat(this.hasher.matches("password", SPRING_DOCS_PASSWORD)).isTrue();
		assertThat(this.hasher.matches("Password", SPRING_DOCS_PASSWORD)).isFalse();
		assertThat(this.hasher.needsRehash(SPRING_DOCS_PASSWORD)).isFalse();
	}

	@Test
	void roundTripWritesTwoBVersion() {
		String encoded = this.hasher.hash("s3cret");
		assertThat(encoded).startsWith("$2b$10$").hasSize(60);
		assertThat(this.hasher.matches("s3cret", encoded)).isTrue();
		assertThat(this.hasher.matches("s3cre", encoded)).isFalse();
	}

	@Test
	void lowerCostNeedsRehash() {
		BcryptHasher stronger = new BcryptHasher(new BcryptHasher.Parameters(12));
		assertThat(stronger.needsRehash(SPRING_DOCS_PASSWORD)).isTrue();
		assertThat(stronger.matches("password", SPRING_DOCS_PASSWORD)).isTrue();
	}

	@Test
	void passwordOverSeventyTwoBytesIsRefusedInsteadOfTruncated() {
		String seventyTwo = "x".repeat(72);
		String encoded = this.hasher.hash(seventyTwo);
		assertThat(this.hasher.matches(seventyTwo, encoded)).isTrue();
		// plain bcrypt ignores byte 73 onwards, so this would match without the guard
		assertThat(this.hasher.matches(seventyTwo + "anything", encoded)).isFalse();
		assertThatExceptionOfType(PasswordRejectedException.class).isThrownBy(() -> this.hasher.hash(seventyTwo + "y"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(PasswordRejectedException.Reason.TOO_LONG));
		// the limit is in UTF-8 bytes: 36 two-byte characters fit, 37 do not
		assertThatNoException().isThrownBy(() -> this.hasher.hash("é".repeat(36)));
		assertThatExceptionOfType(PasswordRejectedException.class).isThrownBy(() -> this.hasher.hash("é".repeat(37)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "$2a$", "$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/B",
			"$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BGG",
			"$2c$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG",
			"$2a$03$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG",
			"$2a$31$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG",
			"$2a$1x$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG",
			"$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/B=",
			"$2a$10$dXJ3SW6G7P50lGmMkkmwe$20cQQubK3.HZWzG3YB1tlRy.fqvM/BG" })
	void malformedOrOutOfBoundsStoredHashIsRejectedWithoutThrowing(String encoded) {
		assertThatNoException().isThrownBy(() -> {
			assertThat(this.hasher.matches("password", encoded)).isFalse();
			assertThat(this.hasher.needsRehash(encoded)).isTrue();
		});
	}

	@Test
	void insecureCostIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BcryptHasher.Parameters(9));
		assertThatIllegalArgumentException().isThrownBy(() -> new BcryptHasher.Parameters(17));
	}

	@Test
	void toStringShowsParametersOnly() {
		assertThat(this.hasher).hasToString("BcryptHasher[cost=10]");
	}
}
