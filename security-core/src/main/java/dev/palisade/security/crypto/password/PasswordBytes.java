package dev.palisade.security.crypto.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Strict UTF-8 encoding of a password without creating a {@code String}, so the caller can
 * wipe the bytes after use. {@code String.getBytes} would silently turn an unpaired surrogate
 * into {@code '?'}, making distinct passwords hash alike; this refuses it instead.
 */
final class PasswordBytes {

	private PasswordBytes() {
	}

	/**
	 * Encodes a password, refusing it before any work if it exceeds {@link PasswordPolicy#HARD_MAX_LENGTH}.
	 * @throws PasswordRejectedException if too long or not valid Unicode
	 */
	static byte[] utf8(CharSequence raw) {
		if (raw == null) {
			throw new NullPointerException("raw password");
		}
		if (raw.length() > PasswordPolicy.HARD_MAX_LENGTH) {
			throw new PasswordRejectedException(PasswordRejectedException.Reason.TOO_LONG,
					"longer than " + PasswordPolicy.HARD_MAX_LENGTH + " characters");
		}
		CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer buffer;
		try {
			buffer = encoder.encode(CharBuffer.wrap(raw));
		}
		catch (CharacterCodingException ex) {
			throw new PasswordRejectedException(PasswordRejectedException.Reason.INVALID_UNICODE,
					"contains an unpaired surrogate");
		}
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		if (buffer.hasArray()) {
			Arrays.fill(buffer.array(), (byte) 0);
		}
		return bytes;
	}

	/**
	 * Whether {@code kdf} applied to the password's UTF-8 bytes gives {@code expected}, compared in
	 * constant time; the bytes are wiped afterwards. A password that cannot be encoded (too long,
	 * not valid Unicode) matches nothing. Shared by the hashers that recompute a stored hash.
	 */
	static boolean derivesTo(CharSequence raw, UnaryOperator<byte[]> kdf, byte[] expected) {
		byte[] password;
		try {
			password = utf8(raw);
		}
		catch (PasswordRejectedException ex) {
			return false;
		}
		try {
			return MessageDigest.isEqual(kdf.apply(password), expected);
		}
		finally {
			wipe(password);
		}
	}

	/** Overwrites a password copy once it is no longer needed (best effort; the JVM may have copied it). */
	static void wipe(byte[] bytes) {
		if (bytes != null) {
			Arrays.fill(bytes, (byte) 0);
		}
	}
}
