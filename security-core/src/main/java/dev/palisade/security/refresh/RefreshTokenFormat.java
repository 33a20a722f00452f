package dev.palisade.security.refresh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Token syntax: {@code <prefix>_} followed by the unpadded base64url form of 32 random bytes,
 * and the SHA-256 hash that is all a store ever sees. Written by hand because it is a few lines
 * of JDK calls; no library adds anything here.
 */
final class RefreshTokenFormat {

	static final int RANDOM_BYTES = 32;

	private static final int ENCODED_LENGTH = 43;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final String prefixWithSeparator;

	private final SecureRandom random;

	RefreshTokenFormat(String prefix, SecureRandom random) {
		this.prefixWithSeparator = prefix + "_";
		this.random = random;
	}

	String generate() {
		byte[] bytes = new byte[RANDOM_BYTES];
		this.random.nextBytes(bytes);
		return this.prefixWithSeparator + ENCODER.encodeToString(bytes);
	}

	String newFamilyId() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return ENCODER.encodeToString(bytes);
	}

	/** Prefix, length, alphabet and canonical encoding (no stray low bits in the last character). */
	boolean isWellFormed(String token) {
		if (token == null || token.length() != this.prefixWithSeparator.length() + ENCODED_LENGTH
				|| !token.startsWith(this.prefixWithSeparator)) {
			return false;
		}
		String body = token.substring(this.prefixWithSeparator.length());
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_';
			if (!ok) {
				return false;
			}
		}
		return ENCODER.encodeToString(DECODER.decode(body)).equals(body);
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
