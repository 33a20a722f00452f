package dev.palisade.security.apikey;

import java.util.Arrays;
import java.util.Objects;

/**
 * A server-side secret mixed into every stored API key hash ({@code HMAC-SHA256(pepper, key)}),
 * so a copy of the key table alone is useless to an attacker. Each pepper has an id that is stored
 * with every hash, so peppers can be rotated: new keys use the current pepper, existing keys keep
 * verifying with the pepper they were hashed with for as long as it stays configured.
 * {@link #toString()} never shows the secret.
 */
public final class Pepper {

	/** Minimum pepper length in bytes: the HMAC-SHA256 output size. */
	public static final int MIN_LENGTH = 32;

	private final String id;

	private final byte[] secret;

	/**
	 * @param id a short public name for this pepper, such as {@code p1}, 1 to 64 characters of {@code [A-Za-z0-9._-]}
	 * @param secret at least {@value #MIN_LENGTH} random bytes (copied)
	 * @throws IllegalArgumentException if the id is not valid or the secret is too short
	 */
	public Pepper(String id, byte[] secret) {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(secret, "secret");
		if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
			throw new IllegalArgumentException("pepper id must be 1 to 64 characters of [A-Za-z0-9._-]");
		}
		if (secret.length < MIN_LENGTH) {
			throw new IllegalArgumentException(
					"pepper must be at least " + MIN_LENGTH + " bytes, was " + secret.length + " bytes");
		}
		this.id = id;
		this.secret = secret.clone();
	}

	/** The public id stored with each hash made with this pepper. */
	public String id() {
		return this.id;
	}

	/** A copy of the secret bytes. */
	byte[] secret() {
		return this.secret.clone();
	}

	/** Overwrites the secret in memory; the pepper must not be used afterwards. */
	public void destroy() {
		Arrays.fill(this.secret, (byte) 0);
	}

	@Override
	public String toString() {
		return "Pepper[id=" + this.id + ", secret=***]";
	}

}
