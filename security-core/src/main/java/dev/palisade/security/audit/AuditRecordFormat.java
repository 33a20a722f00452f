package dev.palisade.security.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The byte layout of the log, shared by the writer, the sinks and the verifier.
 * <p>
 * A record line is {@code {"seq":N,"kid":"<key id>","prev":"<64 hex>","event":{...},"mac":"<64 hex>"}}
 * where {@code mac = HMAC-SHA256(key kid, line without ,"mac":"..." )} (that is, the same JSON with
 * the {@code mac} member removed) and the record's hash, which the next record carries as
 * {@code prev}, is {@code SHA-256} of the whole line. The first record has {@code seq} 1 and
 * {@code prev} {@link #GENESIS_HASH}. A checkpoint line is
 * {@code {"cp":N,"kid":"<key id>","head":"<64 hex>","time":"<ISO instant>","sig":"<base64url>"}}, an
 * Ed25519 signature by key {@code kid} over the line without the {@code sig} member. The key id is
 * covered by the MAC or signature, so it cannot be swapped; a line without {@code kid} (written
 * before key ids existed) names {@link #DEFAULT_KEY_ID}. Lines end with {@code \n}. Fixed
 * positions let the verifier check a record without a general JSON parse.
 */
public final class AuditRecordFormat {

	/** {@code prev} of the first record: 64 zeros. */
	public static final String GENESIS_HASH = "0".repeat(64);

	static final byte[] RECORD_PREFIX = ascii("{\"seq\":");

	/**
	 * The key id of a line that names none, and of the key configured without an id, so logs written
	 * before key ids keep verifying.
	 */
	public static final String DEFAULT_KEY_ID = "default";

	/** Longest key id in a line. */
	public static final int MAX_KEY_ID_LENGTH = 64;

	static final byte[] KEY_ID_MEMBER = ascii(",\"kid\":\"");

	static final byte[] PREV_MEMBER = ascii(",\"prev\":\"");

	static final byte[] EVENT_MEMBER = ascii("\",\"event\":");

	static final byte[] MAC_MEMBER = ascii(",\"mac\":\"");

	static final byte[] CHECKPOINT_PREFIX = ascii("{\"cp\":");

	static final byte[] SIG_MEMBER = ascii(",\"sig\":\"");

	/** Length of {@code ,"mac":"<64 hex>"}} at the end of every record line. */
	public static final int MAC_SUFFIX_LENGTH = MAC_MEMBER.length + 64 + 2;

	private static final HexFormat HEX = HexFormat.of();

	private AuditRecordFormat() {
	}

	/** Whether the line starts like a record. */
	public static boolean isRecord(byte[] b, int off, int len) {
		return startsWith(b, off, len, RECORD_PREFIX);
	}

	/** Whether the line starts like a checkpoint. */
	public static boolean isCheckpoint(byte[] b, int off, int len) {
		return startsWith(b, off, len, CHECKPOINT_PREFIX);
	}

	/**
	 * The sequence number of a well-formed record line, or {@code -1} when the envelope
	 * (prefix, {@code prev}, {@code event}, trailing {@code mac}) is not where it must be.
	 */
	public static long recordSequence(byte[] b, int off, int len) {
		if (!isRecord(b, off, len) || len < RECORD_PREFIX.length + 1 + PREV_MEMBER.length + 64 + EVENT_MEMBER.length + 2
				+ MAC_SUFFIX_LENGTH) {
			return -1;
		}
		int i = off + RECORD_PREFIX.length;
		long seq = 0;
		int digits = 0;
		while (i < off + len && b[i] >= '0' && b[i] <= '9' && digits < 19) {
			seq = seq * 10 + (b[i] - '0');
			i++;
			digits++;
		}
		if (digits == 0 || (digits > 1 && b[off + RECORD_PREFIX.length] == '0')) {
			return -1;
		}
		i = skipKeyId(b, i, off + len);
		if (i < 0) {
			return -1;
		}
		int prev = i + PREV_MEMBER.length;
		int end = off + len;
		if (prev + 64 + EVENT_MEMBER.length > end || !regionEquals(b, i, PREV_MEMBER) || !isHex(b, prev, 64)
				|| !regionEquals(b, prev + 64, EVENT_MEMBER)) {
			return -1;
		}
		int mac = end - MAC_SUFFIX_LENGTH;
		if (!regionEquals(b, mac, MAC_MEMBER) || !isHex(b, mac + MAC_MEMBER.length, 64) || b[end - 2] != '"'
				|| b[end - 1] != '}' || b[mac - 1] != '}') {
			return -1;
		}
		return seq;
	}

	/** Offset of the 64 hex digits of {@code prev} in a line that {@link #recordSequence} accepted. */
	public static int recordPrevOffset(byte[] b, int off) {
		return skipKeyId(b, afterSequence(b, off), b.length) + PREV_MEMBER.length;
	}

	/**
	 * The key id of a line that {@link #recordSequence} accepted: the {@code kid} member, or
	 * {@link #DEFAULT_KEY_ID} when the line has none.
	 */
	public static String recordKeyId(byte[] b, int off) {
		int i = afterSequence(b, off);
		if (!regionEquals(b, i, KEY_ID_MEMBER)) {
			return DEFAULT_KEY_ID;
		}
		int start = i + KEY_ID_MEMBER.length;
		int end = start;
		while (b[end] != '"') {
			end++;
		}
		return new String(b, start, end - start, StandardCharsets.US_ASCII);
	}

	/**
	 * Whether {@code keyId} can name an audit key: 1 to {@value #MAX_KEY_ID_LENGTH} characters of
	 * {@code [A-Za-z0-9._-]}, so it never needs escaping in a line.
	 */
	public static boolean isValidKeyId(String keyId) {
		if (keyId == null || keyId.isEmpty() || keyId.length() > MAX_KEY_ID_LENGTH) {
			return false;
		}
		for (int i = 0; i < keyId.length(); i++) {
			if (!isKeyIdChar(keyId.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static int afterSequence(byte[] b, int off) {
		int i = off + RECORD_PREFIX.length;
		while (b[i] >= '0' && b[i] <= '9') {
			i++;
		}
		return i;
	}

	/** Past an optional {@code ,"kid":"<id>"} member at {@code i}; {@code -1} if it is malformed. */
	private static int skipKeyId(byte[] b, int i, int end) {
		if (!regionEquals(b, i, KEY_ID_MEMBER)) {
			return i;
		}
		int j = i + KEY_ID_MEMBER.length;
		int start = j;
		while (j < end && j - start <= MAX_KEY_ID_LENGTH && isKeyIdChar((char) b[j])) {
			j++;
		}
		if (j == start || j - start > MAX_KEY_ID_LENGTH || j >= end || b[j] != '"') {
			return -1;
		}
		// the closing quote of the id; PREV_MEMBER starts with the comma after it
		return j + 1;
	}

	private static boolean isKeyIdChar(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
	}

	/** SHA-256 of a whole line as lower-case hex: the value the next record carries as {@code prev}. */
	public static String hashHex(byte[] b, int off, int len) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(b, off, len);
			return HEX.formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every JDK", ex);
		}
	}

	static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	static boolean startsWith(byte[] b, int off, int len, byte[] prefix) {
		return len >= prefix.length && regionEquals(b, off, prefix);
	}

	static boolean regionEquals(byte[] b, int off, byte[] expected) {
		if (off < 0 || off + expected.length > b.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if (b[off + i] != expected[i]) {
				return false;
			}
		}
		return true;
	}

	static boolean isHex(byte[] b, int off, int len) {
		if (off + len > b.length) {
			return false;
		}
		for (int i = off; i < off + len; i++) {
			byte c = b[i];
			if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
				return false;
			}
		}
		return true;
	}
}
