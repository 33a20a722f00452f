package dev.palisade.security.refresh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Token syntax: {@code <prefix>_} followed by the unpadded base64url form of the family's 16-byte
 * handle and 32 fresh random bytes (64 characters), and the {@link RefreshTokenKey} a store sees
 * (the handle and the SHA-256 hash of the whole token). Tokens issued before handles (43
 * characters: 32 random bytes) are still accepted as legacy keys. Written by hand because it is a
 * few lines of JDK calls; no library adds anything here.
 */
final class RefreshTokenFormat {

	static final int RANDOM_BYTES = 32;

	private static final int ENCODED_LENGTH = 64;

	private static final int LEGACY_ENCODED_LENGTH = 43;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final String prefixWithSeparator;

	private final SecureRandom random;

	RefreshTokenFormat(String prefix, SecureRandom random) {
		this.prefixWithSeparator = prefix + "_";
		this.random = random;
	}

	/** A new family handle: random, never derived from the family id (which audit records show). */
	byte[] newHandle() {
		byte[] handle = new byte[RefreshTokenKey.HANDLE_LENGTH];
		this.random.nextBytes(handle);
		return handle;
	}

	/** A new token of the family with this handle. */
	String generate(byte[] handle) {
		byte[] bytes = new byte[RefreshTokenKey.HANDLE_LENGTH + RANDOM_BYTES];
		System.arraycopy(handle, 0, bytes, 0, RefreshTokenKey.HANDLE_LENGTH);
		byte[] secret = new byte[RANDOM_BYTES];
		this.random.nextBytes(secret);
		System.arraycopy(secret, 0, bytes, RefreshTokenKey.HANDLE_LENGTH, RANDOM_BYTES);
		return this.prefixWithSeparator + ENCODER.encodeToString(bytes);
	}

	/** The key of a token this format just generated for {@code handle}, without parsing it again. */
	static RefreshTokenKey keyOf(byte[] handle, String generated) {
		return RefreshTokenKey.of(handle, hash(generated));
	}

	String newFamilyId() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return ENCODER.encodeToString(bytes);
	}

	/**
	 * The key of a well-formed token (prefix, length, alphabet and canonical encoding, with no
	 * stray low bits in the last character), or {@code null} for anything else.
	 */
	RefreshTokenKey parse(String token) {
		if (token == null || !token.startsWith(this.prefixWithSeparator)) {
			return null;
		}
		int length = token.length() - this.prefixWithSeparator.length();
		if (length != ENCODED_LENGTH && length != LEGACY_ENCODED_LENGTH) {
			return null;
		}
		String body = token.substring(this.prefixWithSeparator.length());
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_';
			if (!ok) {
				return null;
			}
		}
		byte[] bytes = DECODER.decode(body);
		if (!ENCODER.encodeToString(bytes).equals(body)) {
			return null;
		}
		return (length == LEGACY_ENCODED_LENGTH) ? RefreshTokenKey.legacy(hash(token))
				: RefreshTokenKey.of(Arrays.copyOf(bytes, RefreshTokenKey.HANDLE_LENGTH), hash(token));
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JRE", ex);
		}
	}
}
