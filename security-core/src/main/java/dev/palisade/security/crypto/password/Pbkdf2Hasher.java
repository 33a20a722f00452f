package dev.palisade.security.crypto.password;

import java.security.SecureRandom;
import java.util.Map;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018, vectors in RFC 7914 section 11) password hashing through
 * BouncyCastle, stored as a PHC string: {@code $pbkdf2-sha256$i=600000$<salt>$<hash>}.
 * <p>
 * The iteration count is written into every hash, so raising the default later leaves old hashes
 * verifiable (and flagged by {@link #needsRehash}). BouncyCastle is used rather than the JDK's
 * {@code SecretKeyFactory} because it takes the exact UTF-8 bytes (the JDK re-encodes chars and
 * refuses empty passwords) and leaves no key object to clean up.
 */
public final class Pbkdf2Hasher implements PasswordHasher {

	/** The id used in {@code {pbkdf2-sha256}} prefixes and PHC strings. */
	public static final String ID = "pbkdf2-sha256";

	/** Most iterations accepted in a stored hash: 10,000,000. */
	static final int MAX_ITERATIONS = 10_000_000;

	static final int MIN_STORED_SALT = 8;

	static final int MIN_STORED_HASH = 16;

	static final int MAX_LENGTH_BYTES = 64;

	/**
	 * PBKDF2 settings for new hashes.
	 * <p>
	 * The floor of 100,000 iterations is a sixth of OWASP's 600,000 for HMAC-SHA256: room for a
	 * constrained deployment, but far above the 1,000 of NIST SP 800-132 that old systems used.
	 * Stored hashes with fewer iterations still verify and are flagged for upgrade.
	 *
	 * @param iterations 100,000 to 10,000,000
	 * @param saltLength random salt bytes per hash, 16 to 64
	 * @param hashLength output bytes, 16 to 64 (32, one SHA-256 block, is the sensible maximum)
	 */
	public record Parameters(int iterations, int saltLength, int hashLength) {

		/** Fewest iterations accepted for new hashes. */
		public static final int MIN_ITERATIONS = 100_000;

		public Parameters {
			require(iterations >= MIN_ITERATIONS && iterations <= MAX_ITERATIONS,
					"iterations must be between " + MIN_ITERATIONS + " and " + MAX_ITERATIONS);
			require(saltLength >= 16 && saltLength <= MAX_LENGTH_BYTES, "saltLength must be between 16 and 64");
			require(hashLength >= 16 && hashLength <= MAX_LENGTH_BYTES, "hashLength must be between 16 and 64");
		}

		/** OWASP's recommendation: 600,000 iterations, 16-byte salt, 32-byte hash. */
		public static Parameters owasp() {
			return new Parameters(600_000, 16, 32);
		}
	}

	private final Parameters parameters;

	private final SecureRandom random = new SecureRandom();

	/** A hasher with {@link Parameters#owasp()}. */
	public Pbkdf2Hasher() {
		this(Parameters.owasp());
	}

	/** A hasher that makes new hashes with the given parameters. */
	public Pbkdf2Hasher(Parameters parameters) {
		if (parameters == null) {
			throw new NullPointerException("parameters");
		}
		this.parameters = parameters;
	}

	/** The parameters used for new hashes. */
	public Parameters parameters() {
		return this.parameters;
	}

	@Override
	public String hash(CharSequence raw) {
		byte[] password = PasswordBytes.utf8(raw);
		try {
			Parameters p = this.parameters;
			byte[] salt = new byte[p.saltLength()];
			this.random.nextBytes(salt);
			byte[] hash = derive(password, salt, p.iterations(), p.hashLength());
			return PhcString.format(ID, -1, Map.of("i", p.iterations()), salt, hash);
		}
		finally {
			PasswordBytes.wipe(password);
		}
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		if (raw == null || encoded == null || raw.length() > PasswordPolicy.HARD_MAX_LENGTH) {
			return false;
		}
		PhcString stored = parseOrNull(encoded);
		return stored != null && PasswordBytes.derivesTo(raw,
				(password) -> derive(password, stored.salt(), stored.param("i"), stored.hash().length), stored.hash());
	}

	@Override
	public boolean needsRehash(String encoded) {
		PhcString stored = parseOrNull(encoded);
		if (stored == null) {
			return true;
		}
		Parameters p = this.parameters;
		return stored.param("i") < p.iterations() || stored.salt().length < p.saltLength()
				|| stored.hash().length < p.hashLength();
	}

	@Override
	public String toString() {
		Parameters p = this.parameters;
		return "Pbkdf2Hasher[HMAC-SHA256, i=" + p.iterations() + ", salt=" + p.saltLength() + "B, hash="
				+ p.hashLength() + "B]";
	}

	/** The raw PBKDF2-HMAC-SHA256 function. */
	static byte[] derive(byte[] password, byte[] salt, int iterations, int length) {
		PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
		generator.init(password, salt, iterations);
		return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
	}

	private static PhcString parseOrNull(String encoded) {
		try {
			PhcString phc = PhcString.parse(encoded);
			if (!phc.id().equals(ID) || phc.version() != -1 || phc.params().size() != 1) {
				return null;
			}
			int iterations = phc.param("i");
			boolean inBounds = iterations >= 1 && iterations <= MAX_ITERATIONS
					&& phc.salt().length >= MIN_STORED_SALT && phc.salt().length <= MAX_LENGTH_BYTES
					&& phc.hash().length >= MIN_STORED_HASH && phc.hash().length <= MAX_LENGTH_BYTES;
			return inBounds ? phc : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException("PBKDF2: " + message);
		}
	}
}
