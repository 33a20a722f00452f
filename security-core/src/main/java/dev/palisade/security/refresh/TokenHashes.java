package dev.palisade.security.refresh;

import java.util.HexFormat;
import java.util.Objects;

/**
 * Checks and formats the 32-byte SHA-256 token hashes stores receive; shared by every store.
 */
public final class TokenHashes {

	/** Length of a token hash in bytes. */
	public static final int LENGTH = 32;

	private TokenHashes() {
	}

	/**
	 * Lower-case hex of a token hash.
	 * @throws IllegalArgumentException if it is not 32 bytes
	 */
	public static String hex(byte[] hash) {
		return HexFormat.of().formatHex(check(hash));
	}

	/**
	 * Returns the hash unchanged after checking its length.
	 * @throws IllegalArgumentException if it is not 32 bytes
	 */
	public static byte[] check(byte[] hash) {
		Objects.requireNonNull(hash, "hash");
		if (hash.length != LENGTH) {
			throw new IllegalArgumentException("a token hash is 32 bytes");
		}
		return hash;
	}
}
