package dev.palisade.security.crypto.password;

import java.util.LinkedHashMap;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DelegatingPasswordHasherTest {

	private static final String ONE_MEGABYTE = "p".repeat(1024 * 1024);

	private final CountingHasher argon2 = new CountingHasher(new Argon2idHasher(SmallParameters.ARGON2ID));

	private final CountingHasher pbkdf2 = new CountingHasher(new Pbkdf2Hasher(SmallParameters.PBKDF2));

	private final CountingHasher bcrypt = new CountingHasher(new BcryptHasher(SmallParameters.BCRYPT));

	private final DelegatingPasswordHasher hasher = new DelegatingPasswordHasher(Argon2idHasher.ID,
			hashers(this.argon2, this.pbkdf2, this.bcrypt), PasswordPolicy.defaults());

	@Test
	void newHashesCarryTheDefaultIdPrefix() {
		String encoded = this.hasher.hash("s3cret");
		assertThat(encoded).startsWith("{argon2id}$argon2id$v=19$m=7168,t=5,p=1$");
		assertThat(this.hasher.matches("s3cret", encoded)).isTrue();
		assertThat(this.hasher.matches("wrong", encoded)).isFalse();
		assertThat(this.hasher.needsRehash(encoded)).isFalse();
	}

	@Test
	void defaultSetUpUsesArgon2idAndKnowsAllFourIds() {
		DelegatingPasswordHasher defaults = DelegatingPasswordHasher.createDefault();
		assertThat(defaults.defaultId()).isEqualTo("argon2id");
		assertThat(defaults.policy().maxLength()).isEqualTo(1024);
		assertThat(defaults.recognizes("{argon2id}x")).isTrue();
		assertThat(defaults.recognizes("{scrypt}x")).isTrue();
		assertThat(defaults.recognizes("{pbkdf2-sha256}x")).isTrue();
		assertThat(defaults.recognizes("{bcrypt}x")).isTrue();
		assertThat(defaults.matches("password", "{bcrypt}" + BcryptHasherTest.SPRING_DOCS_PASSWORD)).isTrue();
	}

	@Test
	void storedHashIsRoutedByItsId() {
		String legacy = "{bcrypt}" + BcryptHasherTest.SPRING_DOCS_PASSWORD;
		assertThat(this.hasher.matches("password", legacy)).isTrue();
		assertThat(this.bcrypt.matchesCalls).hasValue(1);
		assertThat(this.argon2.matchesCalls).hasValue(0);
		assertThat(this.pbkdf2.matchesCalls).hasValue(0);
	}

	@Test
	void hashWithAnotherIdIsUpgradedOnNextSuccessfulSignIn() {
		String stored = "{pbkdf2-sha256}" + this.pbkdf2.hash("s3cret");
		assertThat(this.hasher.matches("s3cret", stored)).isTrue();
		assertThat(this.hasher.needsRehash(stored)).isTrue();
		String upgraded = this.hasher.hash("s3cret");
		assertThat(upgraded).startsWith("{argon2id}");
		assertThat(this.hasher.matches("s3cret", upgraded)).isTrue();
		assertThat(this.hasher.needsRehash(upgraded)).isFalse();
	}

	@Test
	void hashWithWeakerParametersOfTheDefaultIdNeedsRehash() {
		String weak = this.hasher.hash("s3cret");
		DelegatingPasswordHasher stronger = new DelegatingPasswordHasher(Argon2idHasher.ID,
				Map.of(Argon2idHasher.ID, new Argon2idHasher(new Argon2idHasher.Parameters(9216, 5, 1, 16, 32))),
				PasswordPolicy.defaults());
		assertThat(stronger.matches("s3cret", weak)).isTrue();
		assertThat(stronger.needsRehash(weak)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "s3cret", "{}s3cret", "{noop}s3cret", "{unknown}$argon2id$v=19$m=7168,t=5,p=1$x$y",
			"{ARGON2ID}$argon2id$", "{argon2id", "argon2id}", "{argon2id}", "{bcrypt}$argon2id$v=19$m=7168,t=5,p=1$x$y",
			"{argon2id}$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG", "{sha256}abc", "{{argon2id}}x",
			"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc" })
	void missingUnknownOrMismatchedIdNeverMatchesAndNeverThrows(String stored) {
		assertThat(this.hasher.matches("password", stored)).isFalse();
		assertThat(this.hasher.needsRehash(stored)).isTrue();
	}

	@Property(tries = 300)
	void arbitraryStoredDataNeverThrows(@ForAll @StringLength(max = 120) String tail,
			@ForAll("ids") String prefix) {
		String stored = prefix + tail;
		assertThat(this.hasher.matches("password", stored)).isFalse();
		this.hasher.needsRehash(stored);
	}

	@net.jqwik.api.Provide
	net.jqwik.api.Arbitrary<String> ids() {
		return net.jqwik.api.Arbitraries.of("", "{argon2id}", "{argon2id}$argon2id$v=19$", "{pbkdf2-sha256}$pbkdf2-sha256$",
				"{bcrypt}$2a$10$", "{x}", "{");
	}

	@Test
	void nullArgumentsDoNotMatch() {
		assertThat(this.hasher.matches(null, "{bcrypt}" + BcryptHasherTest.SPRING_DOCS_PASSWORD)).isFalse();
		assertThat(this.hasher.matches("password", null)).isFalse();
		assertThat(this.hasher.needsRehash(null)).isTrue();
	}

	@Test
	void exceptionFromADelegateBecomesNoMatch() {
		PasswordHasher broken = new PasswordHasher() {
			@Override
			public String hash(CharSequence raw) {
				return "x";
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				throw new IllegalStateException("boom");
			}

			@Override
			public boolean needsRehash(String encoded) {
				throw new IllegalStateException("boom");
			}
		};
		DelegatingPasswordHasher withBroken = new DelegatingPasswordHasher("broken", Map.of("broken", broken),
				PasswordPolicy.defaults());
		assertThat(withBroken.matches("password", "{broken}x")).isFalse();
		assertThat(withBroken.needsRehash("{broken}x")).isTrue();
	}

	@Test
	void oneMegabytePasswordIsRefusedBeforeAnyHashing() {
		String stored = "{bcrypt}" + BcryptHasherTest.SPRING_DOCS_PASSWORD;
		assertThat(this.hasher.matches(ONE_MEGABYTE, stored)).isFalse();
		assertThatExceptionOfType(PasswordRejectedException.class).isThrownBy(() -> this.hasher.hash(ONE_MEGABYTE))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(PasswordRejectedException.Reason.TOO_LONG));
		assertThat(this.argon2.computations() + this.pbkdf2.computations() + this.bcrypt.computations()).isZero();
	}

	@Test
	void passwordAtTheLimitIsHashedAndOneOverIsNot() {
		DelegatingPasswordHasher limited = new DelegatingPasswordHasher(Argon2idHasher.ID,
				Map.of(Argon2idHasher.ID, this.argon2), new PasswordPolicy(16));
		String atLimit = "a".repeat(16);
		String encoded = limited.hash(atLimit);
		assertThat(limited.matches(atLimit, encoded)).isTrue();
		assertThat(this.argon2.computations()).isEqualTo(2);
		assertThat(limited.matches(atLimit + "a", encoded)).isFalse();
		assertThatExceptionOfType(PasswordRejectedException.class).isThrownBy(() -> limited.hash(atLimit + "a"));
		assertThat(this.argon2.computations()).isEqualTo(2);
	}

	@Test
	void policyBoundsAreEnforced() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PasswordPolicy(0));
		assertThatIllegalArgumentException().isThrownBy(() -> new PasswordPolicy(PasswordPolicy.HARD_MAX_LENGTH + 1));
	}

	@Test
	void constructorRefusesAnUnregisteredDefaultAndBadIds() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new DelegatingPasswordHasher("scrypt", Map.of("argon2id", this.argon2), PasswordPolicy.defaults()));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new DelegatingPasswordHasher("a}b", Map.of("a}b", this.argon2), PasswordPolicy.defaults()));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new DelegatingPasswordHasher("Argon", Map.of("Argon", this.argon2), PasswordPolicy.defaults()));
	}

	private static Map<String, PasswordHasher> hashers(PasswordHasher argon2, PasswordHasher pbkdf2,
			PasswordHasher bcrypt) {
		Map<String, PasswordHasher> hashers = new LinkedHashMap<>();
		hashers.put(Argon2idHasher.ID, argon2);
		hashers.put(Pbkdf2Hasher.ID, pbkdf2);
		hashers.put(BcryptHasher.ID, bcrypt);
		return hashers;
	}
}
