package dev.palisade.security.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskTest {

	@ParameterizedTest
	@CsvSource({ "sk-abcdefghijklmnopqrstuvwxyz, sk-a****wxyz", "AKIAIOSFODNN7EXAMPLE, AKI****PLE", "abcdefghijklmnopqrstuvwx, abcd****uvwx",
			"abcdefghijkl, ab****kl", "abcdefghi, ab****i", "abc, a****", "ab, ****", "'', ****" })
	void showsAtMostFourAndFourAndAThirdOfAShortValue(String value, String masked) {
		assertThat(SecretMask.mask(value)).isEqualTo(masked);
	}

	@Test
	void neverShowsMoreThanAThird() {
		for (int length = 0; length < 60; length++) {
			String value = "x".repeat(length);
			String masked = SecretMask.mask(value);
			int shown = masked.length() - 4;
			assertThat(shown).as("length " + length).isLessThanOrEqualTo(Math.min(8, length / 3));
		}
		assertThat(SecretMask.mask(null)).isEqualTo("****");
	}

}
