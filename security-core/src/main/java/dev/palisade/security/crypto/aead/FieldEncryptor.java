package dev.palisade.security.crypto.aead;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Encrypts single text fields of a row, each bound to its context: the row's identity and the
 * column, such as {@code orgs/acme/projects/p1/credentials/openai#api_key}. A value copied to
 * another row or column then fails to decrypt instead of leaking into the wrong tenant.
 */
public final class FieldEncryptor {

	private final KeyringAead aead;

	public FieldEncryptor(KeyringAead aead) {
		this.aead = Objects.requireNonNull(aead, "aead");
	}

	/** {@code plaintext} encrypted with the primary key, bound to {@code context}. */
	public EncryptedValue encrypt(String plaintext, String context) {
		Objects.requireNonNull(plaintext, "plaintext");
		return EncryptedValue.ofBytes(this.aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), aad(context)));
	}

	/**
	 * The plaintext of {@code value}.
	 * @throws AeadException if the value was made for another context, by an unknown key, or was altered
	 */
	public String decrypt(EncryptedValue value, String context) {
		return new String(this.aead.decrypt(value.rawBytes(), aad(context)), StandardCharsets.UTF_8);
	}

	/** {@code value} re-encrypted with the primary key; the same value when it already is. */
	public EncryptedValue reencrypt(EncryptedValue value, String context) {
		byte[] rewritten = this.aead.reencrypt(value.rawBytes(), aad(context));
		return (rewritten == value.rawBytes()) ? value : EncryptedValue.ofBytes(rewritten);
	}

	/** Whether {@code value} was made by a key other than the primary. */
	public boolean needsReencryption(EncryptedValue value) {
		return this.aead.needsReencryption(value.rawBytes());
	}

	private static byte[] aad(String context) {
		return Objects.requireNonNull(context, "context").getBytes(StandardCharsets.UTF_8);
	}

}
