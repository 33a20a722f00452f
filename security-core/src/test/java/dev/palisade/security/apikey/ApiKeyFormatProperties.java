package dev.palisade.security.apikey;

import java.security.SecureRandom;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the key format through the whole verifier: generated keys verify, any
 * single-character change is caught by the checksum or the HMAC, random strings never verify.
 */
class ApiKeyFormatProperties {

	private static final ApiKeyFormat FORMAT = new ApiKeyFormat();

	private static final ApiKeyHasher HASHER = new ApiKeyHasher(ApiKeyTestData.pepper("p1"));

	private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();

	private final ApiKeyVerifier verifier = ApiKeyVerifier.builder(FORMAT, HASHER, this.store).build();

	@Property(tries = 200)
	void everyGeneratedKeyParsesAndVerifies(@ForAll long seed) {
		ParsedApiKey key = newStoredKey(seed);
		assertThat(FORMAT.parse(key.presented()).key()).isEqualTo(key);
		assertThat(this.verifier.verify(key.presented()).outcome()).isEqualTo(ApiKeyOutcome.VALID);
	}

	@Property(tries = 1000)
	void everySingleCharacterSubstitutionIsRejectedByChecksumOrHmac(@ForAll long seed,
			@ForAll @IntRange(min = 0, max = 999) int where, @ForAll("replacements") char replacement) {
		ParsedApiKey key = newStoredKey(seed);
		String original = key.presented();
		int position = where % original.length();
		if (original.charAt(position) == replacement) {
			return;
		}
		String changed = original.substring(0, position) + replacement + original.substring(position + 1);
		ApiKeyOutcome outcome = this.verifier.verify(changed).outcome();
		assertThat(outcome).isIn(ApiKeyOutcome.MALFORMED, ApiKeyOutcome.BAD_CHECKSUM, ApiKeyOutcome.UNKNOWN,
				ApiKeyOutcome.WRONG_SECRET);
	}

	@Property(tries = 300)
	void everySingleCharacterSubstitutionInTheSecretIsCaughtByTheChecksumBeforeAnyStoreLookup(@ForAll long seed,
			@ForAll @IntRange(min = 0, max = ApiKeyFormat.SECRET_LENGTH - 1) int offset,
			@ForAll("base62") char replacement) {
		ParsedApiKey key = FORMAT.generate(seeded(seed));
		String original = key.presented();
		int position = FORMAT.prefix().length() + 1 + ApiKeyFormat.KEY_ID_LENGTH + 1 + offset;
		if (original.charAt(position) == replacement) {
			return;
		}
		String changed = original.substring(0, position) + replacement + original.substring(position + 1);
		assertThat(FORMAT.parse(changed).failure()).isEqualTo(ApiKeyOutcome.BAD_CHECKSUM);
	}

	@Property(tries = 500)
	void randomStringsNeverVerify(@ForAll @StringLength(max = 120) String noise) {
		newStoredKey(noise.hashCode());
		assertThat(this.verifier.verify(noise).outcome()).isNotEqualTo(ApiKeyOutcome.VALID);
	}

	@Property(tries = 500)
	void wellShapedRandomKeysNeverVerify(@ForAll("wellShaped") String candidate) {
		newStoredKey(candidate.hashCode());
		assertThat(this.verifier.verify(candidate).outcome()).isIn(ApiKeyOutcome.BAD_CHECKSUM, ApiKeyOutcome.UNKNOWN);
	}

	@Provide
	Arbitrary<Character> replacements() {
		return Arbitraries.oneOf(List.of(base62(), Arbitraries.chars().ascii(), Arbitraries.chars()));
	}

	@Provide
	Arbitrary<Character> base62() {
		return Arbitraries.chars().alpha().numeric();
	}

	@Provide
	Arbitrary<String> wellShaped() {
		Arbitrary<String> id = Arbitraries.strings().alpha().numeric().ofLength(ApiKeyFormat.KEY_ID_LENGTH);
		Arbitrary<String> secret = Arbitraries.strings().alpha().numeric().ofLength(ApiKeyFormat.SECRET_LENGTH);
		Arbitrary<String> checksum = Arbitraries.strings().alpha().numeric().ofLength(ApiKeyFormat.CHECKSUM_LENGTH);
		return net.jqwik.api.Combinators.combine(id, secret, checksum).as((i, s, c) -> "pal_" + i + "_" + s + "_" + c);
	}

	private ParsedApiKey newStoredKey(long seed) {
		ParsedApiKey key = FORMAT.generate(seeded(seed));
		this.store.findById(key.keyId()).ifPresentOrElse((existing) -> {
		}, () -> this.store.save(ApiKeyTestData.record(key, "acme", ApiKeyTestData.T0)));
		return key;
	}

	/** Deterministic randomness so jqwik can shrink and replay a failing key. */
	private static SecureRandom seeded(long seed) {
		try {
			SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
			random.setSeed(seed);
			return random;
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
