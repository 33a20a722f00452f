package dev.palisade.security.crypto.aead;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import dev.palisade.security.crypto.keyring.InvalidKeyringException;
import dev.palisade.security.crypto.keyring.KeyStatus;
import dev.palisade.security.crypto.keyring.Keyring;

/**
 * {@link Aead} over a {@link Keyring} of {@link AeadKey}s, in the style of Google Tink's keyset AEAD.
 * The primary key encrypts; every enabled key decrypts, so an enabled key that is not the primary is
 * the "decrypt-only" state of a rotation; a disabled or destroyed key decrypts nothing. Rotate by
 * adding a new key and making it primary, then {@link #reencrypt} old ciphertexts and destroy the old key.
 * <p>
 * Ciphertext: {@code version (0x01) | key id length (1 byte) | key id (UTF-8) | nonce | ciphertext+tag}.
 * The nonce is random (12 bytes, or 24 for XChaCha20-Poly1305). The associated data given to
 * {@link #encrypt} must be given again to {@link #decrypt}.
 */
public final class KeyringAead implements Aead {

	/** The first byte of every ciphertext this class makes. */
	public static final byte VERSION = 1;

	private static final int MAX_KEY_ID_BYTES = 255;

	private static final byte[] EMPTY = new byte[0];

	private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

	private final Keyring<AeadKey> keyring;

	private final Map<String, byte[]> headers = new HashMap<>();

	private final AeadKey primary;

	private final byte[] primaryHeader;

	private KeyringAead(Keyring<AeadKey> keyring) {
		this.keyring = Objects.requireNonNull(keyring, "keyring");
		for (Keyring.Entry<AeadKey> entry : keyring.entries()) {
			if (entry.status() == KeyStatus.ENABLED) {
				this.headers.put(entry.keyId(), header(entry.keyId()));
			}
		}
		this.primary = keyring.primary();
		this.primaryHeader = this.headers.get(keyring.primaryId());
	}

	/** An AEAD over {@code keyring}. */
	public static KeyringAead of(Keyring<AeadKey> keyring) {
		return new KeyringAead(keyring);
	}

	/** The keyring. */
	public Keyring<AeadKey> keyring() {
		return this.keyring;
	}

	@Override
	public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
		Objects.requireNonNull(plaintext, "plaintext");
		int nonceSize = this.primary.algorithm().nonceSize();
		int headerSize = this.primaryHeader.length;
		byte[] out = new byte[headerSize + nonceSize + plaintext.length + AeadAlgorithm.TAG_SIZE];
		System.arraycopy(this.primaryHeader, 0, out, 0, headerSize);
		byte[] nonce = new byte[nonceSize];
		RANDOM.get().nextBytes(nonce);
		System.arraycopy(nonce, 0, out, headerSize, nonceSize);
		AeadPrimitive.encrypt(this.primary, nonce, 0, plaintext, orEmpty(associatedData), out, headerSize + nonceSize);
		return out;
	}

	@Override
	public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
		AeadKey key = keyOf(ciphertext);
		int nonceOffset = 2 + (ciphertext[1] & 0xff);
		int dataOffset = nonceOffset + key.algorithm().nonceSize();
		if (ciphertext.length < dataOffset + AeadAlgorithm.TAG_SIZE) {
			throw new AeadException(AeadException.Reason.MALFORMED, "The ciphertext is truncated");
		}
		return AeadPrimitive.decrypt(key, ciphertext, nonceOffset, ciphertext, dataOffset, ciphertext.length - dataOffset,
				orEmpty(associatedData));
	}

	/**
	 * The enabled key that made the ciphertext. The primary's header is matched in place first, so
	 * the common case neither decodes the key id nor looks it up.
	 */
	private AeadKey keyOf(byte[] ciphertext) {
		int header = this.primaryHeader.length;
		if (ciphertext != null && ciphertext.length >= header
				&& Arrays.equals(ciphertext, 0, header, this.primaryHeader, 0, header)) {
			return this.primary;
		}
		String keyId = keyIdOf(ciphertext);
		return this.keyring.find(keyId)
			.orElseThrow(() -> new AeadException(AeadException.Reason.UNKNOWN_KEY,
					"The ciphertext names key '" + keyId + "', which is not an enabled key of the keyring"));
	}

	/**
	 * The ciphertext as if made by the primary key: unchanged (the same array) when it already is,
	 * otherwise decrypted with its key and encrypted with the primary under the same associated data.
	 * @throws AeadException as {@link #decrypt} does
	 */
	public byte[] reencrypt(byte[] ciphertext, byte[] associatedData) {
		if (!needsReencryption(ciphertext)) {
			return ciphertext;
		}
		return encrypt(decrypt(ciphertext, associatedData), associatedData);
	}

	/** Whether the ciphertext was made by a key other than the primary. */
	public boolean needsReencryption(byte[] ciphertext) {
		return !this.keyring.primaryId().equals(keyIdOf(ciphertext));
	}

	/**
	 * The id of the key that made {@code ciphertext}.
	 * @throws AeadException with {@link AeadException.Reason#MALFORMED} if it is not a Palisade ciphertext
	 */
	public static String keyIdOf(byte[] ciphertext) {
		if (ciphertext == null || ciphertext.length < 3) {
			throw new AeadException(AeadException.Reason.MALFORMED, "The ciphertext is truncated");
		}
		if (ciphertext[0] != VERSION) {
			throw new AeadException(AeadException.Reason.MALFORMED,
					"Unknown ciphertext version " + (ciphertext[0] & 0xff) + "; expected " + VERSION);
		}
		int idLength = ciphertext[1] & 0xff;
		if (idLength == 0 || ciphertext.length < 2 + idLength) {
			throw new AeadException(AeadException.Reason.MALFORMED, "The ciphertext's key id is empty or truncated");
		}
		return new String(ciphertext, 2, idLength, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "KeyringAead[" + this.keyring + "]";
	}

	private static byte[] header(String keyId) {
		byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
		if (id.length > MAX_KEY_ID_BYTES) {
			throw new InvalidKeyringException("An AEAD key id must be at most " + MAX_KEY_ID_BYTES + " bytes of UTF-8");
		}
		byte[] header = new byte[2 + id.length];
		header[0] = VERSION;
		header[1] = (byte) id.length;
		System.arraycopy(id, 0, header, 2, id.length);
		return header;
	}

	private static byte[] orEmpty(byte[] associatedData) {
		return (associatedData != null) ? associatedData : EMPTY;
	}

}
