package dev.palisade.security.apikey;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ApiKeyFormatTest {

	private final ApiKeyFormat format = new ApiKeyFormat();

	private final SecureRandom random = new SecureRandom();

	@Test
	void generatedKeyHasPrefixIdSecretAndChecksumInUrlSafeCharacters() {
		ParsedApiKey key = this.format.generate(this.random);
		String[] parts = key.presented().split("_");
		assertThat(parts).hasSize(4);
		assertThat(parts[0]).isEqualTo("pal");
		assertThat(parts[1]).hasSize(ApiKeyFormat.KEY_ID_LENGTH).isEqualTo(key.keyId());
		assertThat(parts[2]).hasSize(ApiKeyFormat.SECRET_LENGTH);
		assertThat(parts[3]).hasSize(ApiKeyFormat.CHECKSUM_LENGTH);
		assertThat(key.presented()).matches("[A-Za-z0-9_]+").hasSize(this.format.length());
	}

	@Test
	void secretCarriesAtLeast256BitsOfEntropy() {
		assertThat(ApiKeyFormat.SECRET_LENGTH * Math.log(62) / Math.log(2)).isGreaterThanOrEqualTo(256.0);
	}

	@Test
	void generatedKeysUseTheWholeAlphabetAndDoNotRepeat() {
		Set<String> keys = new HashSet<>();
		Set<Character> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			String key = this.format.generate(this.random).presented();
			keys.add(key);
			String secret = key.split("_")[2];
			secret.chars().forEach((c) -> seen.add((char) c));
		}
		assertThat(keys).hasSize(200);
		assertThat(seen).hasSize(62);
	}

	@Test
	void configuredPrefixIsUsedAndKeysOfAnotherPrefixAreMalformed() {
		ApiKeyFormat acme = new ApiKeyFormat("acme");
		String key = acme.generate(this.random).presented();
		assertThat(key).startsWith("acme_");
		assertThat(acme.parse(key).isParsed()).isTrue();
		assertThat(this.format.parse(key).failure()).isEqualTo(ApiKeyOutcome.MALFORMED);
	}

	@Test
	void invalidPrefixesAreRefused() {
		for (String prefix : new String[] { "", "p", "Pal", "pa_l", "1pal", "pal-", "abcdefghijklmnopq" }) {
			assertThatIllegalArgumentException().as(prefix).isThrownBy(() -> new ApiKeyFormat(prefix));
		}
	}

	@Test
	void parseRecognisesAGeneratedKey() {
		ParsedApiKey key = this.format.generate(this.random);
		ApiKeyParseResult result = this.format.parse(key.presented());
		assertThat(result.isParsed()).isTrue();
		assertThat(result.failure()).isNull();
		assertThat(result.key()).isEqualTo(key);
	}

	@Test
	void malformedInputsAreRejectedWithoutThrowing() {
		String key = this.format.generate(this.random).presented();
		String[] inputs = { null, "", "pal_", key + "a", key.substring(1), key.replace('_', '-'),
				key.substring(0, 10) + "é" + key.substring(11), key.substring(0, 10) + " " + key.substring(11),
				"x".repeat(10_000), "Bearer " + key };
		for (String input : inputs) {
			assertThat(this.format.parse(input).failure()).as(String.valueOf(input)).isEqualTo(ApiKeyOutcome.MALFORMED);
		}
	}

	@Test
	void aSwappedPairOfCharactersFailsTheChecksum() {
		String key = this.format.generate(this.random).presented();
		int i = key.indexOf('_', 4) + 3;
		char[] chars = key.toCharArray();
		// find two different adjacent secret characters and swap them
		while (chars[i] == chars[i + 1]) {
			i++;
		}
		char c = chars[i];
		chars[i] = chars[i + 1];
		chars[i + 1] = c;
		assertThat(this.format.parse(new String(chars)).failure()).isEqualTo(ApiKeyOutcome.BAD_CHECKSUM);
	}

	@Test
	void rejectedResultHasNoKey() {
		assertThatIllegalStateException().isThrownBy(() -> this.format.parse("nope").key());
	}

	@Test
	void maskShowsPrefixAndHintOnly() {
		String key = this.format.generate(this.random).presented();
		String masked = this.format.mask(this.format.hint(key));
		assertThat(masked).isEqualTo("pal_..." + key.substring(key.length() - 4));
	}

	@Test
	void parsedKeyToStringHidesTheSecret() {
		ParsedApiKey key = this.format.generate(this.random);
		assertThat(key.toString()).contains(key.keyId()).doesNotContain(key.presented().split("_")[2]);
		assertThat(this.format.parse(key.presented()).toString()).doesNotContain(key.presented().split("_")[2]);
	}

}
