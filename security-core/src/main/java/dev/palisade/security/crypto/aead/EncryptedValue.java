package dev.palisade.security.crypto.aead;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A field value as stored: a {@link KeyringAead} ciphertext, carried as bytes (a JDBC {@code bytea} /
 * {@code BLOB}) or as one base64url string (a {@code text} column, a JSON string). {@link #toString()}
 * shows the key id and length, never the bytes, so logging an entity leaks nothing useful. Make and
 * open one with {@link FieldEncryptor}.
 */
public final class EncryptedValue {

	private final byte[] ciphertext;

	private EncryptedValue(byte[] ciphertext) {
		KeyringAead.keyIdOf(ciphertext);
		this.ciphertext = ciphertext.clone();
	}

	/**
	 * The value for stored ciphertext bytes.
	 * @throws AeadException if they are not a Palisade ciphertext
	 */
	public static EncryptedValue ofBytes(byte[] ciphertext) {
		return new EncryptedValue(Objects.requireNonNull(ciphertext, "ciphertext"));
	}

	/**
	 * The value for its {@link #encoded()} form.
	 * @throws AeadException if the text is not base64url or not a Palisade ciphertext
	 */
	public static EncryptedValue parse(String encoded) {
		try {
			return new EncryptedValue(Base64.getUrlDecoder().decode(Objects.requireNonNull(encoded, "encoded")));
		}
		catch (IllegalArgumentException ex) {
			throw new AeadException(AeadException.Reason.MALFORMED, "An encrypted value is base64url text");
		}
	}

	/** The ciphertext bytes (a copy). */
	public byte[] bytes() {
		return this.ciphertext.clone();
	}

	/** The ciphertext as unpadded base64url, for a text column or a JSON string. */
	public String encoded() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(this.ciphertext);
	}

	/** The id of the key that encrypted it, to find values that still need re-encryption. */
	public String keyId() {
		return KeyringAead.keyIdOf(this.ciphertext);
	}

	byte[] rawBytes() {
		return this.ciphertext;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EncryptedValue that && Arrays.equals(this.ciphertext, that.ciphertext);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.ciphertext);
	}

	@Override
	public String toString() {
		return "EncryptedValue[keyId=" + keyId() + ", " + this.ciphertext.length + " bytes]";
	}

}
