package dev.palisade.security.refresh;

import java.util.Objects;

/**
 * What a {@link RefreshTokenStore} learns of one refresh token: the random handle that names the
 * token's family (the same for every token of a family, and only ever carried inside tokens) and
 * the SHA-256 hash of the whole token. Tokens issued before handles existed have none
 * ({@link #isLegacy()}); stores find those by hash alone. {@link #toString()} shows neither value.
 */
public final class RefreshTokenKey {

	/** Length of a family handle in bytes. */
	public static final int HANDLE_LENGTH = 16;

	private final byte[] handle;

	private final byte[] hash;

	private RefreshTokenKey(byte[] handle, byte[] hash) {
		this.handle = handle;
		this.hash = hash;
	}

	/**
	 * The key of a token that names its family.
	 * @throws IllegalArgumentException if the handle is not 16 bytes or the hash not 32
	 */
	public static RefreshTokenKey of(byte[] handle, byte[] hash) {
		Objects.requireNonNull(handle, "handle");
		if (handle.length != HANDLE_LENGTH) {
			throw new IllegalArgumentException("a family handle is 16 bytes");
		}
		return new RefreshTokenKey(handle.clone(), TokenHashes.check(hash).clone());
	}

	/**
	 * The key of a token issued before family handles: its hash only.
	 * @throws IllegalArgumentException if the hash is not 32 bytes
	 */
	public static RefreshTokenKey legacy(byte[] hash) {
		return new RefreshTokenKey(null, TokenHashes.check(hash).clone());
	}

	/** The family handle; {@code null} for a {@linkplain #isLegacy() legacy} token. */
	public byte[] handle() {
		return (this.handle != null) ? this.handle.clone() : null;
	}

	/** The token's SHA-256 hash (32 bytes). */
	public byte[] hash() {
		return this.hash.clone();
	}

	/** Whether the token predates family handles, so its family is found by hash alone. */
	public boolean isLegacy() {
		return this.handle == null;
	}

	/** Lower-case hex of the handle; {@code null} for a legacy token. */
	public String handleHex() {
		return (this.handle != null) ? java.util.HexFormat.of().formatHex(this.handle) : null;
	}

	/** Lower-case hex of the hash. */
	public String hashHex() {
		return TokenHashes.hex(this.hash);
	}

	/** Whether the other key has the same hash, compared in constant time. */
	public boolean hashEquals(byte[] otherHash) {
		return otherHash != null && java.security.MessageDigest.isEqual(this.hash, otherHash);
	}

	@Override
	public String toString() {
		return isLegacy() ? "RefreshTokenKey[legacy]" : "RefreshTokenKey[handle]";
	}
}
