package dev.palisade.security.crypto.password;

/** The cheapest parameters each hasher accepts, to keep round-trip tests fast. */
final class SmallParameters {

	static final Argon2idHasher.Parameters ARGON2ID = new Argon2idHasher.Parameters(7168, 5, 1, 16, 32);

	static final ScryptHasher.Parameters SCRYPT = new ScryptHasher.Parameters(1 << 13, 8, 10, 16, 32);

	static final Pbkdf2Hasher.Parameters PBKDF2 = new Pbkdf2Hasher.Parameters(100_000, 16, 32);

	static final BcryptHasher.Parameters BCRYPT = new BcryptHasher.Parameters(10);

	private SmallParameters() {
	}
}
