package dev.palisade.security.crypto.aead;

/**
 * HChaCha20 (draft-irtf-cfrg-xchacha, section 2.2): derives a ChaCha20 subkey from a key and the
 * first 16 bytes of an XChaCha20 nonce. Written here because neither the JDK nor BouncyCastle exposes
 * it, and with it XChaCha20-Poly1305 runs on the JDK's fast ChaCha20-Poly1305, as Google Tink does.
 */
final class HChaCha20 {

	private static final int[] SIGMA = { 0x61707865, 0x3320646e, 0x79622d32, 0x6b206574 };

	private HChaCha20() {
	}

	/** The 32-byte subkey for {@code key} and {@code nonce[offset..offset+16)}. */
	static byte[] subkey(byte[] key, byte[] nonce, int offset) {
		int[] x = new int[16];
		System.arraycopy(SIGMA, 0, x, 0, 4);
		for (int i = 0; i < 8; i++) {
			x[4 + i] = littleEndian(key, i * 4);
		}
		for (int i = 0; i < 4; i++) {
			x[12 + i] = littleEndian(nonce, offset + i * 4);
		}
		for (int round = 0; round < 10; round++) {
			quarterRound(x, 0, 4, 8, 12);
			quarterRound(x, 1, 5, 9, 13);
			quarterRound(x, 2, 6, 10, 14);
			quarterRound(x, 3, 7, 11, 15);
			quarterRound(x, 0, 5, 10, 15);
			quarterRound(x, 1, 6, 11, 12);
			quarterRound(x, 2, 7, 8, 13);
			quarterRound(x, 3, 4, 9, 14);
		}
		byte[] out = new byte[32];
		for (int i = 0; i < 4; i++) {
			putLittleEndian(out, i * 4, x[i]);
			putLittleEndian(out, 16 + i * 4, x[12 + i]);
		}
		return out;
	}

	private static void quarterRound(int[] x, int a, int b, int c, int d) {
		x[a] += x[b];
		x[d] = Integer.rotateLeft(x[d] ^ x[a], 16);
		x[c] += x[d];
		x[b] = Integer.rotateLeft(x[b] ^ x[c], 12);
		x[a] += x[b];
		x[d] = Integer.rotateLeft(x[d] ^ x[a], 8);
		x[c] += x[d];
		x[b] = Integer.rotateLeft(x[b] ^ x[c], 7);
	}

	private static int littleEndian(byte[] bytes, int offset) {
		return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8 | (bytes[offset + 2] & 0xff) << 16
				| (bytes[offset + 3] & 0xff) << 24;
	}

	private static void putLittleEndian(byte[] bytes, int offset, int value) {
		bytes[offset] = (byte) value;
		bytes[offset + 1] = (byte) (value >>> 8);
		bytes[offset + 2] = (byte) (value >>> 16);
		bytes[offset + 3] = (byte) (value >>> 24);
	}

}
