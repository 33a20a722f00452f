package dev.palisade.security.ratelimit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A fixed-size key for a username: the first 128 bits of SHA-256 over its normalised form
 * (trimmed, NFKC, lower case), so {@code Alice}, {@code alice } and full-width variants share
 * one throttle, and raw usernames are not kept in memory.
 */
record UsernameKey(long high, long low) {

	static UsernameKey of(String username) {
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("A username must not be blank");
		}
		String normalised = Normalizer.normalize(username.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
			ByteBuffer buffer = ByteBuffer.wrap(hash);
			return new UsernameKey(buffer.getLong(), buffer.getLong());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}
}
