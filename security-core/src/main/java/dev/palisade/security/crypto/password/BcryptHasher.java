package dev.palisade.security.crypto.password;

import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt for legacy hashes ({@code $2a$}, {@code $2b$}, {@code $2y$}, as written by Spring
 * Security's {@code BCryptPasswordEncoder}, OpenBSD and most frameworks) through BouncyCastle's
 * {@link OpenBSDBCrypt}. It can also make new {@code $2b$} hashes, but it is not the default:
 * bcrypt is not memory-hard.
 * <p>
 * bcrypt only reads the first 72 bytes of a password. Rather than truncate silently (any two
 * passwords sharing 72 bytes would match), this hasher refuses longer passwords: {@link #hash}
 * throws {@link PasswordRejectedException} and {@link #matches} returns {@code false}.
 */
public final class BcryptHasher implements PasswordHasher {

	/** The id used in {@code {bcrypt}} prefixes. */
	public static final String ID = "bcrypt";

	/** The most password bytes bcrypt uses. */
	public static final int MAX_PASSWORD_BYTES = 72;

	/** Highest cost accepted, for new and stored hashes (2^16 rounds); a tampered cost 31 must not hang a sign-in. */
	public static final int MAX_COST = 16;

	/** Lowest cost accepted in a stored hash (bcrypt's own minimum). */
	static final int MIN_STORED_COST = 4;

	private static final Pattern FORMAT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

	/**
	 * bcrypt settings for new hashes.
	 *
	 * @param cost log2 of the rounds, 10 (OWASP's minimum) to {@value BcryptHasher#MAX_COST}
	 */
	public record Parameters(int cost) {

		/** Lowest cost accepted for new hashes (OWASP: 10 or more). */
		public static final int MIN_COST = 10;

		public Parameters {
			if (cost < MIN_COST || cost > MAX_COST) {
				throw new IllegalArgumentException("bcrypt: cost must be between " + MIN_COST + " and " + MAX_COST);
			}
		}

		/** Cost 10, OWASP's minimum and Spring Security's default. */
		public static Parameters owasp() {
			return new Parameters(10);
		}
	}

	private final Parameters parameters;

	private final SecureRandom random = new SecureRandom();

	/** A hasher with {@link Parameters#owasp()}. */
	public BcryptHasher() {
		this(Parameters.owasp());
	}

	/** A hasher that makes new hashes with the given parameters. */
	public BcryptHasher(Parameters parameters) {
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
			if (password.length > MAX_PASSWORD_BYTES) {
				throw new PasswordRejectedException(PasswordRejectedException.Reason.TOO_LONG,
						"bcrypt uses at most " + MAX_PASSWORD_BYTES + " UTF-8 bytes");
			}
			byte[] salt = new byte[16];
			this.random.nextBytes(salt);
			return OpenBSDBCrypt.generate("2b", password, salt, this.parameters.cost());
		}
		finally {
			PasswordBytes.wipe(password);
		}
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		if (raw == null || encoded == null || raw.length() > PasswordPolicy.HARD_MAX_LENGTH
				|| storedCostOrMinus1(encoded) < 0) {
			return false;
		}
		byte[] password;
		try {
			password = PasswordBytes.utf8(raw);
		}
		catch (PasswordRejectedException ex) {
			return false;
		}
		try {
			// OpenBSDBCrypt compares the recomputed string with Strings.constantTimeAreEqual
			return password.length <= MAX_PASSWORD_BYTES && OpenBSDBCrypt.checkPassword(encoded, password);
		}
		catch (RuntimeException ex) {
			return false;
		}
		finally {
			PasswordBytes.wipe(password);
		}
	}

	@Override
	public boolean needsRehash(String encoded) {
		int cost = storedCostOrMinus1(encoded);
		return cost < this.parameters.cost();
	}

	@Override
	public String toString() {
		return "BcryptHasher[cost=" + this.parameters.cost() + "]";
	}

	/** The cost of a well-formed stored hash within bounds, else -1. */
	private static int storedCostOrMinus1(String encoded) {
		if (encoded == null) {
			return -1;
		}
		Matcher matcher = FORMAT.matcher(encoded);
		if (!matcher.matches()) {
			return -1;
		}
		int cost = Integer.parseInt(matcher.group(1));
		return (cost >= MIN_STORED_COST && cost <= MAX_COST) ? cost : -1;
	}
}
