package dev.palisade.security.web;

import java.security.SecureRandom;
import java.util.zip.CRC32;

import dev.palisade.security.apikey.ApiKeyFormat;

/**
 * Forges keys for attack tests: well-formed keys with a correct checksum but a made-up id or
 * secret. The checksum is computed here as ApiKeyFormat documents it (CRC-32 of
 * {@code <prefix>_<id>_<secret>}, six base62 digits), independently of its code.
 */
final class ApiKeys {

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeys() {
	}

	static String keyId(String key) {
		return key.split("_")[1];
	}

	/** A key with the given id, a fresh secret and a valid checksum. */
	static String withIdAndOtherSecret(String prefix, String keyId) {
		return withChecksum(prefix + "_" + keyId + "_" + random(ApiKeyFormat.SECRET_LENGTH));
	}

	/** A well-formed key with a valid checksum that no store has. */
	static String unknown(String prefix) {
		return withIdAndOtherSecret(prefix, random(ApiKeyFormat.KEY_ID_LENGTH));
	}

	/** The key with one secret character changed and its checksum left alone. */
	static String withBadChecksum(String key) {
		int i = key.lastIndexOf('_') - 1;
		char replaced = (key.charAt(i) == 'a') ? 'b' : 'a';
		return key.substring(0, i) + replaced + key.substring(i + 1);
	}

	private static String withChecksum(String body) {
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		long value = crc.getValue();
		char[] digits = new char[ApiKeyFormat.CHECKSUM_LENGTH];
		for (int i = digits.length - 1; i >= 0; i--) {
			digits[i] = ALPHABET.charAt((int) (value % 62));
			value /= 62;
		}
		return body + "_" + new String(digits);
	}

	private static String random(int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(ALPHABET.charAt(RANDOM.nextInt(62)));
		}
		return out.toString();
	}
}
