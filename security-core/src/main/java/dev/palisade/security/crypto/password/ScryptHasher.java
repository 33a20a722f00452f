package dev.palisade.security.crypto.password;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.crypto.generators.SCrypt;

/**
 * scrypt (RFC 7914) password hashing through BouncyCastle, stored as a PHC string in the passlib
 * layout: {@code $scrypt$ln=17,r=8,p=1$<salt>$<hash>}, where {@code ln} is log2(N).
 * <p>
 * Verification reads N, r and p from the stored string and accepts them within the bounds below
 * (memory {@code 128 * N * r} at most 1 GiB), so old hashes stay verifiable after a change.
 */
public final class ScryptHasher implements PasswordHasher {

	/** The id used in {@code {scrypt}} prefixes and PHC strings. */
	public static final String ID = "scrypt";

	/** Largest {@code N * r} accepted: 128 * N * r bytes = 1 GiB. */
	static final long MAX_N_TIMES_R = 1L << 23;

	static final int MAX_BLOCK_SIZE = 32;

	static final int MAX_PARALLELISM = 16;

	static final int MIN_STORED_SALT = 8;

	static final int MIN_STORED_HASH = 16;

	static final int MAX_LENGTH_BYTES = 64;

	/**
	 * scrypt cost settings for new hashes.
	 * <p>
	 * Floors follow the OWASP Password Storage Cheat Sheet, whose weakest row is N=2^13, r=8, p=10:
	 * memory {@code 128 * N * r} at least 8 MiB ({@code N * r >= 65536}) and total work
	 * {@code N * r * p >= 655360}. Every OWASP row (2^17/8/1 ... 2^13/8/10) meets both.
	 *
	 * @param cpuCost N, a power of two
	 * @param blockSize r, 1 to 32
	 * @param parallelism p, 1 to 16
	 * @param saltLength random salt bytes per hash, 16 to 64
	 * @param hashLength output bytes, 16 to 64
	 */
	public record Parameters(int cpuCost, int blockSize, int parallelism, int saltLength, int hashLength) {

		/** Lowest {@code N * r} for new hashes (8 MiB of memory). */
		public static final long MIN_N_TIMES_R = 65536;

		/** Lowest {@code N * r * p} for new hashes (OWASP's 2^13 x 8 x 10). */
		public static final long MIN_N_TIMES_R_TIMES_P = 655360;

		public Parameters {
			require(cpuCost >= 2 && Integer.bitCount(cpuCost) == 1, "cpuCost (N) must be a power of two");
			require(blockSize >= 1 && blockSize <= MAX_BLOCK_SIZE, "blockSize (r) must be between 1 and " + MAX_BLOCK_SIZE);
			require(parallelism >= 1 && parallelism <= MAX_PARALLELISM,
					"parallelism (p) must be between 1 and " + MAX_PARALLELISM);
			long nr = (long) cpuCost * blockSize;
			require(nr >= MIN_N_TIMES_R && nr <= MAX_N_TIMES_R, "N * r must be between " + MIN_N_TIMES_R + " and "
					+ MAX_N_TIMES_R + " (memory 8 MiB to 1 GiB)");
			require(nr * parallelism >= MIN_N_TIMES_R_TIMES_P,
					"N * r * p must be at least " + MIN_N_TIMES_R_TIMES_P + " (OWASP minimum)");
			require(withinScryptLimit(cpuCost, blockSize), "N must be below 2^(16 r)");
			require(saltLength >= 16 && saltLength <= MAX_LENGTH_BYTES, "saltLength must be between 16 and 64");
			require(hashLength >= 16 && hashLength <= MAX_LENGTH_BYTES, "hashLength must be between 16 and 64");
		}

		/** OWASP's first recommendation: N=2^17, r=8, p=1 (128 MiB), 16-byte salt, 32-byte hash. */
		public static Parameters owasp() {
			return new Parameters(1 << 17, 8, 1, 16, 32);
		}
	}

	private final Parameters parameters;

	private final SecureRandom random = new SecureRandom();

	/** A hasher with {@link Parameters#owasp()}. */
	public ScryptHasher() {
		this(Parameters.owasp());
	}

	/** A hasher that makes new hashes with the given parameters. */
	public ScryptHasher(Parameters parameters) {
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
			byte[] hash = derive(password, salt, p.cpuCost(), p.blockSize(), p.parallelism(), p.hashLength());
			Map<String, Integer> costs = new LinkedHashMap<>();
			costs.put("ln", Integer.numberOfTrailingZeros(p.cpuCost()));
			costs.put("r", p.blockSize());
			costs.put("p", p.parallelism());
			return PhcString.format(ID, -1, costs, salt, hash);
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
		return stored != null && PasswordBytes.derivesTo(raw, (password) -> derive(password, stored.salt, stored.cpuCost,
				stored.blockSize, stored.parallelism, stored.hash.length), stored.hash);
	}

	@Override
	public boolean needsRehash(String encoded) {
		Stored stored = Stored.parseOrNull(encoded);
		if (stored == null) {
			return true;
		}
		Parameters p = this.parameters;
		return stored.cpuCost < p.cpuCost() || stored.blockSize < p.blockSize() || stored.parallelism < p.parallelism()
				|| stored.salt.length < p.saltLength() || stored.hash.length < p.hashLength();
	}

	@Override
	public String toString() {
		Parameters p = this.parameters;
		return "ScryptHasher[N=" + p.cpuCost() + ", r=" + p.blockSize() + ", p=" + p.parallelism() + ", salt="
				+ p.saltLength() + "B, hash=" + p.hashLength() + "B]";
	}

	/** The raw scrypt function (RFC 7914 section 6). */
	static byte[] derive(byte[] password, byte[] salt, int cpuCost, int blockSize, int parallelism, int length) {
		return SCrypt.generate(password, salt, cpuCost, blockSize, parallelism, length);
	}

	/** RFC 7914 requires N < 2^(128 r / 8). */
	static boolean withinScryptLimit(int cpuCost, int blockSize) {
		return blockSize >= 2 || cpuCost < (1 << 16);
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException("scrypt: " + message);
		}
	}

	/** A stored scrypt hash whose parameters are within the verification bounds. */
	private static final class Stored {

		final int cpuCost;

		final int blockSize;

		final int parallelism;

		final byte[] salt;

		final byte[] hash;

		private Stored(int cpuCost, PhcString phc) {
			this.cpuCost = cpuCost;
			this.blockSize = phc.param("r");
			this.parallelism = phc.param("p");
			this.salt = phc.salt();
			this.hash = phc.hash();
		}

		static Stored parseOrNull(String encoded) {
			try {
				PhcString phc = PhcString.parse(encoded);
				if (!phc.id().equals(ID) || phc.version() != -1 || phc.params().size() != 3) {
					return null;
				}
				int log2 = phc.param("ln");
				if (log2 < 1 || log2 > 23) {
					return null;
				}
				Stored stored = new Stored(1 << log2, phc);
				boolean inBounds = stored.blockSize >= 1 && stored.blockSize <= MAX_BLOCK_SIZE
						&& stored.parallelism >= 1 && stored.parallelism <= MAX_PARALLELISM
						&& (long) stored.cpuCost * stored.blockSize <= MAX_N_TIMES_R
						&& withinScryptLimit(stored.cpuCost, stored.blockSize)
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
