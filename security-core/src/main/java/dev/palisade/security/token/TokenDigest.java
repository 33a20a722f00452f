package dev.palisade.security.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * SHA-256 of a token string, used as cache key so that a heap dump of the cache yields no usable bearer
 * token. Equality is by content.
 */
final class TokenDigest {

	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every JDK", ex);
		}
	});

	private final byte[] digest;

	private final int hash;

	private TokenDigest(byte[] digest) {
		this.digest = digest;
		this.hash = Arrays.hashCode(digest);
	}

	static TokenDigest of(String token) {
		MessageDigest sha256 = SHA256.get();
		sha256.reset();
		return new TokenDigest(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
	}

	byte[] bytes() {
		return this.digest.clone();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof TokenDigest that) && MessageDigest.isEqual(this.digest, that.digest);
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

	@Override
	public String toString() {
		return "TokenDigest";
	}

}
