package dev.palisade.security.crypto.password;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordVerificationTest {

	private final CountingHasher argon2 = new CountingHasher(new Argon2idHasher(SmallParameters.ARGON2ID));

	private final CountingHasher bcrypt = new CountingHasher(new BcryptHasher(SmallParameters.BCRYPT));

	private DelegatingPasswordHasher hasher;

	private PasswordVerification verification;

	private String aliceHash;

	@BeforeEach
	void setUp() {
		Map<String, PasswordHasher> hashers = new LinkedHashMap<>();
		hashers.put(Argon2idHasher.ID, this.argon2);
		hashers.put(BcryptHasher.ID, this.bcrypt);
		this.hasher = new DelegatingPasswordHasher(Argon2idHasher.ID, hashers, PasswordPolicy.defaults());
		this.verification = new PasswordVerification(this.hasher);
		assertThat(this.argon2.hashCalls).as("dummy hash made once at construction").hasValue(1);
		this.aliceHash = this.hasher.hash("alice-pass");
		this.argon2.reset();
		this.bcrypt.reset();
	}

	@Test
	void rightPasswordMatches() {
		assertThat(this.verification.verify(Optional.of(this.aliceHash), "alice-pass")).isEqualTo(VerificationOutcome.MATCH);
	}

	@Test
	void unknownUserCostsExactlyOneHashComputationLikeAWrongPassword() {
		VerificationOutcome unknown = this.verification.verify(Optional.empty(), "guess");
		int unknownWork = this.argon2.computations();
		this.argon2.reset();
		VerificationOutcome wrong = this.verification.verify(Optional.of(this.aliceHash), "guess");
		int wrongWork = this.argon2.computations();

		assertThat(unknown).isEqualTo(VerificationOutcome.UNKNOWN_USER);
		assertThat(wrong).isEqualTo(VerificationOutcome.MISMATCH);
		assertThat(unknownWork).isEqualTo(1).isEqualTo(wrongWork);
		assertThat(unknown.authenticated()).isFalse();
	}

	@Test
	void unknownUserIsCheckedAgainstAHashWithTheDefaultParameters() {
		// the dummy is a real argon2id hash: matching it does the same derivation as a real user's hash
		this.verification.verify(Optional.empty(), "guess");
		assertThat(this.argon2.matchesCalls).hasValue(1);
		assertThat(this.bcrypt.computations()).isZero();
	}

	@Test
	void storedHashWithUnknownIdStillCostsOneComputation() {
		VerificationOutcome outcome = this.verification.verify(Optional.of("{md5}5f4dcc3b5aa765d61d8327deb882cf99"),
				"password");
		assertThat(outcome).isEqualTo(VerificationOutcome.MISMATCH);
		assertThat(this.argon2.computations()).isEqualTo(1);
	}

	@Test
	void legacyHashMatchesAndAsksForRehash() {
		VerificationOutcome outcome = this.verification
			.verify(Optional.of("{bcrypt}" + BcryptHasherTest.SPRING_DOCS_PASSWORD), "password");
		assertThat(outcome).isEqualTo(VerificationOutcome.MATCH_NEEDS_REHASH);
		assertThat(outcome.authenticated()).isTrue();
		assertThat(outcome.needsRehash()).isTrue();
	}

	@Test
	void tooLongPasswordIsRejectedWithoutHashingForKnownAndUnknownUsers() {
		String huge = "x".repeat(1024 * 1024);
		assertThat(this.verification.verify(Optional.of(this.aliceHash), huge)).isEqualTo(VerificationOutcome.REJECTED);
		assertThat(this.verification.verify(Optional.empty(), huge)).isEqualTo(VerificationOutcome.REJECTED);
		assertThat(this.argon2.computations() + this.bcrypt.computations()).isZero();
		assertThat(VerificationOutcome.REJECTED.authenticated()).isFalse();
	}

	@Test
	void nullOptionalIsTreatedAsUnknownUser() {
		assertThat(this.verification.verify(null, "guess")).isEqualTo(VerificationOutcome.UNKNOWN_USER);
		assertThat(this.argon2.computations()).isEqualTo(1);
	}
}
