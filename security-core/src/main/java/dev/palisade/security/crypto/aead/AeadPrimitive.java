package dev.palisade.security.crypto.aead;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.spec.AlgorithmParameterSpec;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The three algorithms on raw (key, nonce, data, associated data), through one cached JDK
 * {@link Cipher} per thread and transformation: {@code Cipher.getInstance} per message cost about 3x
 * at 1 KiB on this project's machine, and the JDK's AES-GCM is 15-50x faster than BouncyCastle's.
 */
final class AeadPrimitive {

	// one object per direction for AES-GCM too, as for ChaCha20 below: each stays in its mode
	private static final ThreadLocal<Cipher> GCM_ENCRYPT = ThreadLocal.withInitial(() -> cipher("AES/GCM/NoPadding"));

	private static final ThreadLocal<Cipher> GCM_DECRYPT = ThreadLocal.withInitial(() -> cipher("AES/GCM/NoPadding"));

	// separate objects for the two directions: decrypting right after encrypting with one object would
	// hit JDK-8305091 (below) on every round trip
	private static final ThreadLocal<Cipher> CHACHA_ENCRYPT = ThreadLocal.withInitial(() -> cipher("ChaCha20-Poly1305"));

	private static final ThreadLocal<Cipher> CHACHA_DECRYPT = ThreadLocal.withInitial(() -> cipher("ChaCha20-Poly1305"));

	private AeadPrimitive() {
	}

	/**
	 * Encrypts into {@code out} at {@code outOffset} ({@code plaintext.length + 16} bytes).
	 * @param nonce the nonce, {@code algorithm.nonceSize()} bytes at {@code nonceOffset}
	 */
	static void encrypt(AeadKey key, byte[] nonce, int nonceOffset, byte[] plaintext, byte[] associatedData,
			byte[] out, int outOffset) {
		try {
			Cipher cipher = init(Cipher.ENCRYPT_MODE, key, nonce, nonceOffset);
			if (associatedData.length > 0) {
				cipher.updateAAD(associatedData);
			}
			cipher.doFinal(plaintext, 0, plaintext.length, out, outOffset);
		}
		catch (GeneralSecurityException ex) {
			throw new AeadException(AeadException.Reason.CIPHER_FAILURE, "Encryption failed: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * Decrypts {@code length} bytes of ciphertext and tag at {@code offset}. The JDK's AEAD ciphers
	 * buffer the whole input and release plaintext only after the tag verifies.
	 * @throws AeadException with {@link AeadException.Reason#AUTHENTICATION_FAILED} when the tag does not verify
	 */
	static byte[] decrypt(AeadKey key, byte[] nonce, int nonceOffset, byte[] input, int offset, int length,
			byte[] associatedData) {
		if (length < AeadAlgorithm.TAG_SIZE) {
			throw new AeadException(AeadException.Reason.MALFORMED, "The ciphertext is shorter than its tag");
		}
		try {
			Cipher cipher = init(Cipher.DECRYPT_MODE, key, nonce, nonceOffset);
			if (associatedData.length > 0) {
				cipher.updateAAD(associatedData);
			}
			return cipher.doFinal(input, offset, length);
		}
		catch (AEADBadTagException ex) {
			throw new AeadException(AeadException.Reason.AUTHENTICATION_FAILED,
					"The ciphertext did not authenticate (tampered, wrong key or wrong associated data)");
		}
		catch (GeneralSecurityException ex) {
			throw new AeadException(AeadException.Reason.CIPHER_FAILURE, "Decryption failed: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * Drops this thread's cached ciphers. Only for test vectors, which encrypt with fixed nonces: the
	 * JDK rightly refuses to encrypt twice with one key and nonce on the same cipher object.
	 */
	static void discardCachedCiphers() {
		GCM_ENCRYPT.remove();
		GCM_DECRYPT.remove();
		CHACHA_ENCRYPT.remove();
		CHACHA_DECRYPT.remove();
	}

	private static Cipher init(int mode, AeadKey key, byte[] nonce, int nonceOffset) throws GeneralSecurityException {
		AeadAlgorithm algorithm = key.algorithm();
		switch (algorithm) {
			case AES_256_GCM -> {
				Cipher cipher = (mode == Cipher.ENCRYPT_MODE) ? GCM_ENCRYPT.get() : GCM_DECRYPT.get();
				cipher.init(mode, key.secretKey(), new GCMParameterSpec(AeadAlgorithm.TAG_SIZE * 8, nonce, nonceOffset, 12));
				return cipher;
			}
			case CHACHA20_POLY1305 -> {
				return initChaCha(mode, key.secretKey(), new IvParameterSpec(nonce, nonceOffset, 12), nonce, nonceOffset);
			}
			case XCHACHA20_POLY1305 -> {
				byte[] subkey = HChaCha20.subkey(key.rawMaterial(), nonce, nonceOffset);
				byte[] chachaNonce = new byte[12];
				System.arraycopy(nonce, nonceOffset + 16, chachaNonce, 4, 8);
				return initChaCha(mode, new SecretKeySpec(subkey, "ChaCha20"), new IvParameterSpec(chachaNonce), chachaNonce, 0);
			}
			default -> throw new IllegalStateException("Unknown algorithm " + algorithm);
		}
	}

	/**
	 * JDK-8305091 (fixed in 21): on 17 the JDK's ChaCha20-Poly1305 refuses to be initialised with the
	 * key and nonce of its previous initialisation even to decrypt, so the same ciphertext could not be
	 * decrypted twice on one thread. When a decryption is refused that way, initialise once with a
	 * different nonce and then again with the real one.
	 */
	private static Cipher initChaCha(int mode, Key key, AlgorithmParameterSpec spec, byte[] nonce, int nonceOffset)
			throws GeneralSecurityException {
		Cipher cipher = (mode == Cipher.ENCRYPT_MODE) ? CHACHA_ENCRYPT.get() : CHACHA_DECRYPT.get();
		try {
			cipher.init(mode, key, spec);
		}
		catch (InvalidKeyException ex) {
			if (mode != Cipher.DECRYPT_MODE) {
				throw ex;
			}
			byte[] other = new byte[12];
			System.arraycopy(nonce, nonceOffset, other, 0, 12);
			other[0] ^= 1;
			cipher.init(mode, key, new IvParameterSpec(other));
			cipher.init(mode, key, spec);
		}
		return cipher;
	}

	private static Cipher cipher(String transformation) {
		try {
			return Cipher.getInstance(transformation);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK has no " + transformation, ex);
		}
	}

}
