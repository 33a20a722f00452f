package dev.palisade.security.crypto.password;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Argon2id (RFC 9106) password hashing through BouncyCastle, stored as a PHC string:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, the format of the Argon2 reference
 * implementation, libsodium and Spring Security's {@code Argon2PasswordEncoder}.
 * <p>
 * Verification reads the parameters from the stored string, so hashes made with older settings
 * keep working; it accepts only {@code argon2id} version 19 within {@link #MAX_MEMORY_KIB} and the
 * other verification bounds below (a tampered hash must not make one sign-in allocate gigabytes).
 */
public final class Argon2idHasher implements PasswordHasher {

	/** The id used in {@code {argon2id}} prefixes and PHC strings. */
	public static final String ID = "argon2id";

	/** Largest memory cost accepted in a stored hash: 1 GiB. */
	public static final int MAX_MEMORY_KIB = 1024 * 1024;

	static final int MAX_ITERATIONS = 64;

	static final int MAX_PARALLELISM = 16;

	/** Shortest salt accepted on verification: 8 bytes, the reference implementation's minimum. */
	static final int MIN_STORED_SALT = 8;

	/** Shortest hash accepted on verification: 16 bytes (the reference allows 4; that is forgeable). */
	static final int MIN_STORED_HASH = 16;

	static final int MAX_LENGTH_BYTES = 64;

	/**
	 * Argon2id cost settings for new hashes.
	 * <p>
	 * Floors: the weakest configuration in the OWASP Password Storage Cheat Sheet is m=7 MiB with
	 * t=5; every OWASP row costs at least 35 MiB·passes. So {@code memoryKib >= 7168} and
	 * {@code memoryKib * iterations >= 35840} are required, which every OWASP row meets (19 MiB·2,
	 * 12 MiB·3, 9 MiB·4, 7 MiB·5, 46 MiB·1). Salt at least 16 bytes, hash 16 to 64 bytes.
	 *
	 * @param memoryKib memory cost {@code m} in KiB, 7168 to {@value #MAX_MEMORY_KIB}
	 * @param iterations passes {@code t}, 1 to 64
	 * @param parallelism lanes {@code p}, 1 to 16
	 * @param saltLength random salt bytes per hash, 16 to 64
	 * @param hashLength output bytes, 16 to 64
	 */
	public record Parameters(int memoryKib, int iterations, int parallelism, int saltLength, int hashLength) {

		/** Lowest memory cost accepted for new hashes: 7 MiB (OWASP's smallest row). */
		public static final int MIN_MEMORY_KIB = 7 * 1024;

		/** Lowest {@code memoryKib * iterations} accepted for new hashes (OWASP's 7 MiB x 5). */
		public static final long MIN_MEMORY_PASSES = 7L * 1024 * 5;

		public Parameters {
			require(memoryKib >= MIN_MEMORY_KIB && memoryKib <= MAX_MEMORY_KIB,
					"memoryKib must be between " + MIN_MEMORY_KIB + " and " + MAX_MEMORY_KIB);
			require(iterations >= 1 && iterations <= MAX_ITERATIONS, "iterations must be between 1 and " + MAX_ITERATIONS);
			require((long) memoryKib * iterations >= MIN_MEMORY_PASSES,
					"memoryKib * iterations must be at least " + MIN_MEMORY_PASSES + " (OWASP minimum)");
			require(parallelism >= 1 && parallelism <= MAX_PARALLELISM,
					"parallelism must be between 1 and " + MAX_PARALLELISM);
			require(saltLength >= 16 && saltLength <= MAX_LENGTH_BYTES, "saltLength must be between 16 and 64");
			require(hashLength >= 16 && hashLength <= MAX_LENGTH_BYTES, "hashLength must be between 16 and 64");
		}

		/** OWASP's first recommendation: m=19 MiB (19456 KiB), t=2, p=1, 16-byte salt, 32-byte hash. */
		public static Parameters owasp() {
			return new Parameters(19456, 2, 1, 16, 32);
		}
	}

	private final Parameters parameters;

	private final SecureRandom random = new SecureRandom();

	/** A hasher with {@link Parameters#owasp()}. */
	public Argon2idHasher() {
		this(Parameters.owasp());
	}

	/** A hasher that makes new hashes with the given parameters. */
	public Argon2idHasher(Parameters parameters) {
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
			byte[] hash = Argon2Kdf.derive(Argon2Kdf.Type.ARGON2ID, p.memoryKib(), p.iterations(), p.parallelism(),
					password, salt, null, null, p.hashLength());
			return PhcString.format(ID, Argon2Kdf.VERSION_13, costs(p.memoryKib(), p.iterations(), p.parallelism()),
					salt, hash);
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
		Stored stored = Stored.parseOrNull(encoded);
		return stored != null && PasswordBytes.derivesTo(raw, (password) -> Argon2Kdf.derive(Argon2Kdf.Type.ARGON2ID,
				stored.memoryKib, stored.iterations, stored.parallelism, password, stored.salt, null, null,
				stored.hash.length), stored.hash);
	}

	@Override
	public boolean needsRehash(String encoded) {
		Stored stored = Stored.parseOrNull(encoded);
		if (stored == null) {
			return true;
		}
		Parameters p = this.parameters;
		return stored.memoryKib < p.memoryKib() || stored.iterations < p.iterations()
				|| stored.salt.length < p.saltLength() || stored.hash.length < p.hashLength();
	}

	@Override
	public String toString() {
		Parameters p = this.parameters;
		return "Argon2idHasher[m=" + p.memoryKib() + "KiB, t=" + p.iterations() + ", p=" + p.parallelism() + ", salt="
				+ p.saltLength() + "B, hash=" + p.hashLength() + "B]";
	}

	private static Map<String, Integer> costs(int memoryKib, int iterations, int parallelism) {
		Map<String, Integer> costs = new LinkedHashMap<>();
		costs.put("m", memoryKib);
		costs.put("t", iterations);
		costs.put("p", parallelism);
		return costs;
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException("Argon2id: " + message);
		}
	}

	/** A stored argon2id v19 hash whose parameters are within the verification bounds. */
	private static final class Stored {

		final int memoryKib;

		final int iterations;

		final int parallelism;

		final byte[] salt;

		final byte[] hash;

		private Stored(PhcString phc) {
			this.memoryKib = phc.param("m");
			this.iterations = phc.param("t");
			this.parallelism = phc.param("p");
			this.salt = phc.salt();
			this.hash = phc.hash();
		}

		static Stored parseOrNull(String encoded) {
			try {
				PhcString phc = PhcString.parse(encoded);
				if (!phc.id().equals(ID) || phc.version() != Argon2Kdf.VERSION_13 || phc.params().size() != 3) {
					return null;
				}
				Stored stored = new Stored(phc);
				boolean inBounds = stored.parallelism >= 1 && stored.parallelism <= MAX_PARALLELISM
						&& stored.memoryKib >= 8 * stored.parallelism && stored.memoryKib <= MAX_MEMORY_KIB
						&& stored.iterations >= 1 && stored.iterations <= MAX_ITERATIONS
						&& stored.salt.length >= MIN_STORED_SALT && stored.salt.length <= MAX_LENGTH_BYTES
						&& stored.hash.length >= MIN_STORED_HASH && stored.hash.length <= MAX_LENGTH_BYTES;
				return inBounds ? stored : null;
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
	}
}
