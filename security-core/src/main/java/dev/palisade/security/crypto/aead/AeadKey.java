package dev.palisade.security.crypto.aead;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AEAD key: an algorithm and 32 bytes of key material. {@link #toString()} names the algorithm
 * only; the material never leaves this object except through {@link #material()} (a copy), which
 * key files and stores use.
 */
public final class AeadKey {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AeadAlgorithm algorithm;

	private final byte[] material;

	private final SecretKey secretKey;

	private AeadKey(AeadAlgorithm algorithm, byte[] material) {
		this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
		if (material == null || material.length != AeadAlgorithm.KEY_SIZE) {
			throw new IllegalArgumentException("An AEAD key must be exactly " + AeadAlgorithm.KEY_SIZE + " bytes");
		}
		this.material = material.clone();
		this.secretKey = new SecretKeySpec(this.material, algorithm.keyAlgorithm());
	}

	/** A key of {@code algorithm} with the given 32 bytes (copied). */
	public static AeadKey of(AeadAlgorithm algorithm, byte[] material) {
		return new AeadKey(algorithm, material);
	}

	/** A new random key from {@link SecureRandom}. */
	public static AeadKey generate(AeadAlgorithm algorithm) {
		byte[] material = new byte[AeadAlgorithm.KEY_SIZE];
		RANDOM.nextBytes(material);
		try {
			return new AeadKey(algorithm, material);
		}
		finally {
			Arrays.fill(material, (byte) 0);
		}
	}

	/** The algorithm. */
	public AeadAlgorithm algorithm() {
		return this.algorithm;
	}

	/** A copy of the key material, for writing a key file; callers should wipe it after use. */
	public byte[] material() {
		return this.material.clone();
	}

	SecretKey secretKey() {
		return this.secretKey;
	}

	byte[] rawMaterial() {
		return this.material;
	}

	@Override
	public String toString() {
		return "AeadKey[" + this.algorithm + "]";
	}

}
