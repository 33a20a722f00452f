package dev.palisade.security.apikey;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The wire format of Palisade API keys, modelled on GitHub's token format:
 * {@code <prefix>_<key id>_<secret>_<checksum>}, for example
 * {@code pal_4kT0Qm..._Zx81..._1a2B3c}.
 * <ul>
 * <li>prefix: 2 to 16 lower-case letters or digits, starting with a letter (default {@code pal}),
 * so scanners can recognise leaked keys;</li>
 * <li>key id: {@value #KEY_ID_LENGTH} random base62 characters (about 131 bits), public, used
 * for lookup;</li>
 * <li>secret: {@value #SECRET_LENGTH} random base62 characters (about 256 bits);</li>
 * <li>checksum: CRC-32 of {@code <prefix>_<key id>_<secret>} in {@value #CHECKSUM_LENGTH} base62
 * characters, so a mistyped or made-up key is rejected offline, before any store is asked.</li>
 * </ul>
 * Only {@code [0-9A-Za-z_]} occurs, so a key is URL-safe and selected whole by a double click.
 * The checksum is not a security control: it only filters typos and noise cheaply.
 */
public final class ApiKeyFormat {

	/** The default prefix. */
	public static final String DEFAULT_PREFIX = "pal";

	/** Number of base62 characters in the key id. */
	public static final int KEY_ID_LENGTH = 22;

	/** Number of base62 characters in the secret (43 x log2(62) = 256.03 bits). */
	public static final int SECRET_LENGTH = 43;

	/** Number of base62 characters in the checksum (62^6 > 2^32). */
	public static final int CHECKSUM_LENGTH = 6;

	private static final char SEPARATOR = '_';

	private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		.toCharArray();

	private final String prefix;

	private final int idStart;

	private final int secretStart;

	private final int checksumStart;

	private final int length;

	/** A format with the {@link #DEFAULT_PREFIX}. */
	public ApiKeyFormat() {
		this(DEFAULT_PREFIX);
	}

	/**
	 * A format with the given prefix.
	 * @throws IllegalArgumentException if the prefix is not 2 to 16 of {@code [a-z0-9]}, starting with a letter
	 */
	public ApiKeyFormat(String prefix) {
		Objects.requireNonNull(prefix, "prefix");
		if (!prefix.matches("[a-z][a-z0-9]{1,15}")) {
			throw new IllegalArgumentException(
					"API key prefix must be 2 to 16 lower-case letters or digits starting with a letter");
		}
		this.prefix = prefix;
		this.idStart = prefix.length() + 1;
		this.secretStart = this.idStart + KEY_ID_LENGTH + 1;
		this.checksumStart = this.secretStart + SECRET_LENGTH + 1;
		this.length = this.checksumStart + CHECKSUM_LENGTH;
	}

	/** The configured prefix, without separator. */
	public String prefix() {
		return this.prefix;
	}

	/** The exact length of every key of this format. */
	public int length() {
		return this.length;
	}

	/**
	 * Generates a new key: fresh random key id and secret from {@code random}, plus checksum.
	 * @param random the source of randomness; use a {@link SecureRandom} in production
	 * @return the generated key (its {@link ParsedApiKey#presented()} is the plaintext to show once)
	 */
	public ParsedApiKey generate(SecureRandom random) {
		Objects.requireNonNull(random, "random");
		StringBuilder key = new StringBuilder(this.length);
		key.append(this.prefix).append(SEPARATOR);
		appendRandom(key, random, KEY_ID_LENGTH);
		key.append(SEPARATOR);
		appendRandom(key, random, SECRET_LENGTH);
		key.append(SEPARATOR);
		appendChecksum(key, checksum(key, key.length() - 1));
		String full = key.toString();
		return new ParsedApiKey(full.substring(this.idStart, this.idStart + KEY_ID_LENGTH), full);
	}

	/**
	 * Checks the shape and checksum of a presented key without consulting any store.
	 * Never throws, also not for {@code null}.
	 */
	public ApiKeyParseResult parse(String presented) {
		if (presented == null || presented.length() != this.length || !presented.startsWith(this.prefix)
				|| presented.charAt(this.idStart - 1) != SEPARATOR
				|| presented.charAt(this.secretStart - 1) != SEPARATOR
				|| presented.charAt(this.checksumStart - 1) != SEPARATOR
				|| !isBase62(presented, this.idStart, this.idStart + KEY_ID_LENGTH)
				|| !isBase62(presented, this.secretStart, this.secretStart + SECRET_LENGTH)
				|| !isBase62(presented, this.checksumStart, this.length)) {
			return ApiKeyParseResult.malformed();
		}
		long expected = checksum(presented, this.checksumStart - 1);
		if (expected != decodeChecksum(presented, this.checksumStart)) {
			return ApiKeyParseResult.badChecksum();
		}
		return ApiKeyParseResult
			.parsed(new ParsedApiKey(presented.substring(this.idStart, this.idStart + KEY_ID_LENGTH), presented));
	}

	/**
	 * The last four characters of a key, kept with its record so a listing can show which key
	 * is which ({@link #mask(String)}). They are checksum characters and reveal nothing of the secret.
	 */
	public String hint(String key) {
		return key.substring(key.length() - 4);
	}

	/** A display form of a key from its {@link #hint(String) hint}: {@code pal_...AbC1}. */
	public String mask(String hint) {
		return this.prefix + SEPARATOR + "..." + hint;
	}

	/**
	 * The CRC-32 of the first {@code count} characters of {@code key} (all ASCII once the shape
	 * was checked). Package-private for tests that forge keys.
	 */
	static long checksum(CharSequence key, int count) {
		byte[] bytes = new byte[count];
		for (int i = 0; i < count; i++) {
			bytes[i] = (byte) key.charAt(i);
		}
		CRC32 crc = new CRC32();
		crc.update(bytes);
		return crc.getValue();
	}

	/** Appends {@code value} (an unsigned 32-bit CRC) as exactly {@value #CHECKSUM_LENGTH} base62 digits. */
	static void appendChecksum(StringBuilder target, long value) {
		char[] digits = new char[CHECKSUM_LENGTH];
		long rest = value;
		for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
			digits[i] = ALPHABET[(int) (rest % 62)];
			rest /= 62;
		}
		target.append(digits);
	}

	private static long decodeChecksum(String key, int start) {
		long value = 0;
		for (int i = start; i < start + CHECKSUM_LENGTH; i++) {
			value = value * 62 + digitValue(key.charAt(i));
		}
		return value;
	}

	// Hand-written: uniform base62 characters by rejection sampling; no library in our
	// dependency set offers base62, and 62 is not a power of two so a plain mask would bias.
	private static void appendRandom(StringBuilder target, SecureRandom random, int count) {
		byte[] buffer = new byte[count * 2];
		int written = 0;
		while (written < count) {
			random.nextBytes(buffer);
			for (int i = 0; i < buffer.length && written < count; i++) {
				int value = buffer[i] & 0xFF;
				if (value < 248) { // 248 = 4 * 62: keeps the distribution uniform
					target.append(ALPHABET[value % 62]);
					written++;
				}
			}
		}
	}

	private static boolean isBase62(String s, int from, int to) {
		for (int i = from; i < to; i++) {
			if (digitValue(s.charAt(i)) < 0) {
				return false;
			}
		}
		return true;
	}

	private static int digitValue(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'A' && c <= 'Z') {
			return c - 'A' + 10;
		}
		if (c >= 'a' && c <= 'z') {
			return c - 'a' + 36;
		}
		return -1;
	}

	@Override
	public String toString() {
		return "ApiKeyFormat[prefix=" + this.prefix + "]";
	}

}
