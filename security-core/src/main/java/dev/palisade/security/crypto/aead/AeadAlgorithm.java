package dev.palisade.security.crypto.aead;

/**
 * The AEAD algorithms a key can have. Every one takes a 256-bit key and makes a 128-bit tag; they
 * differ in the nonce. A 96-bit random nonce is safe for about 2^32 messages under one key; prefer
 * {@link #XCHACHA20_POLY1305} (192-bit nonce) for a key that encrypts very many messages.
 */
public enum AeadAlgorithm {

	/** AES-256 in Galois/Counter mode with a 96-bit random nonce (the JDK's, hardware-accelerated). */
	AES_256_GCM("AES/GCM/NoPadding", "AES", 12),

	/** ChaCha20-Poly1305 (RFC 8439) with a 96-bit random nonce (the JDK's). */
	CHACHA20_POLY1305("ChaCha20-Poly1305", "ChaCha20", 12),

	/** XChaCha20-Poly1305 with a 192-bit random nonce: HChaCha20 subkey + the JDK's ChaCha20-Poly1305. */
	XCHACHA20_POLY1305("ChaCha20-Poly1305", "ChaCha20", 24);

	/** Key size in bytes, for every algorithm. */
	public static final int KEY_SIZE = 32;

	/** Tag size in bytes, for every algorithm. */
	public static final int TAG_SIZE = 16;

	private final String transformation;

	private final String keyAlgorithm;

	private final int nonceSize;

	AeadAlgorithm(String transformation, String keyAlgorithm, int nonceSize) {
		this.transformation = transformation;
		this.keyAlgorithm = keyAlgorithm;
		this.nonceSize = nonceSize;
	}

	/** The nonce size in bytes. */
	public int nonceSize() {
		return this.nonceSize;
	}

	String transformation() {
		return this.transformation;
	}

	String keyAlgorithm() {
		return this.keyAlgorithm;
	}

}
