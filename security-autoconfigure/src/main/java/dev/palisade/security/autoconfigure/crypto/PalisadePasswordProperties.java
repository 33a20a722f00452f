package dev.palisade.security.autoconfigure.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password hashing ({@code palisade.crypto.password}). Defaults follow the OWASP Password
 * Storage Cheat Sheet. A stored hash made with another algorithm or weaker parameters is
 * upgraded on the next successful sign-in.
 *
 * @param algorithm The algorithm for new hashes: argon2id, scrypt, pbkdf2-sha256 or bcrypt.
 * @param maxLength Passwords longer than this many characters are refused before hashing.
 * @param argon2 Argon2id parameters.
 * @param scrypt Scrypt parameters.
 * @param pbkdf2 PBKDF2-HMAC-SHA256 parameters.
 * @param bcrypt Bcrypt parameters (legacy hashes).
 */
@ConfigurationProperties("palisade.crypto.password")
public record PalisadePasswordProperties(@DefaultValue("argon2id") String algorithm,
		@DefaultValue("1024") int maxLength, @DefaultValue Argon2 argon2, @DefaultValue Scrypt scrypt,
		@DefaultValue Pbkdf2 pbkdf2, @DefaultValue Bcrypt bcrypt) {

	/**
	 * Argon2id.
	 *
	 * @param memoryKib Memory cost in KiB.
	 * @param iterations Number of passes.
	 * @param parallelism Lanes.
	 */
	public record Argon2(@DefaultValue("19456") int memoryKib, @DefaultValue("2") int iterations,
			@DefaultValue("1") int parallelism) {
	}

	/**
	 * scrypt.
	 *
	 * @param cpuCost N, a power of two.
	 * @param blockSize R.
	 * @param parallelism P.
	 */
	public record Scrypt(@DefaultValue("131072") int cpuCost, @DefaultValue("8") int blockSize,
			@DefaultValue("1") int parallelism) {
	}

	/**
	 * PBKDF2-HMAC-SHA256.
	 *
	 * @param iterations Iteration count.
	 */
	public record Pbkdf2(@DefaultValue("600000") int iterations) {
	}

	/**
	 * bcrypt.
	 *
	 * @param cost Log2 of the work factor.
	 */
	public record Bcrypt(@DefaultValue("10") int cost) {
	}
}
