package dev.palisade.security.apikey;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The at-rest form of an API key: {@code HMAC-SHA256(pepper, full key)} together with the id of
 * the {@link Pepper} used. Equality is constant-time; {@link #toString()} hides the bytes.
 */
public final class ApiKeyHash {

	/** Length of an HMAC-SHA256 output in bytes. */
	public static final int LENGTH = 32;

	private final String pepperId;

	private final byte[] value;

	/**
	 * @param pepperId id of the pepper the hash was made with
	 * @param value the {@value #LENGTH} HMAC bytes (copied)
	 */
	public ApiKeyHash(String pepperId, byte[] value) {
		Objects.requireNonNull(pepperId, "pepperId");
		Objects.requireNonNull(value, "value");
		if (value.length != LENGTH) {
			throw new IllegalArgumentException("API key hash must be " + LENGTH + " bytes");
		}
		this.pepperId = pepperId;
		this.value = value.clone();
	}

	/**
	 * Reads a hash declared in configuration.
	 * @param pepperId id of the pepper the hash was made with
	 * @param base64 standard or URL-safe Base64 of the {@value #LENGTH} HMAC bytes
	 * @throws IllegalArgumentException if the text is not Base64 of the right length
	 */
	public static ApiKeyHash fromBase64(String pepperId, String base64) {
		Objects.requireNonNull(base64, "base64");
		String normalised = base64.trim().replace('-', '+').replace('_', '/');
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(normalised);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("API key hash is not valid Base64");
		}
		return new ApiKeyHash(pepperId, bytes);
	}

	/** The id of the pepper this hash was made with. */
	public String pepperId() {
		return this.pepperId;
	}

	/** A copy of the HMAC bytes. */
	public byte[] value() {
		return this.value.clone();
	}

	/** Standard Base64 of the HMAC bytes, the form used in configuration. */
	public String toBase64() {
		return Base64.getEncoder().encodeToString(this.value);
	}

	/** Constant-time comparison of the HMAC bytes with {@code candidate}. */
	boolean matches(byte[] candidate) {
		return MessageDigest.isEqual(this.value, candidate);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof ApiKeyHash that) && this.pepperId.equals(that.pepperId)
				&& MessageDigest.isEqual(this.value, that.value);
	}

	@Override
	public int hashCode() {
		return this.pepperId.hashCode() * 31 + Arrays.hashCode(this.value);
	}

	@Override
	public String toString() {
		return "ApiKeyHash[pepperId=" + this.pepperId + ", value=***]";
	}

}
