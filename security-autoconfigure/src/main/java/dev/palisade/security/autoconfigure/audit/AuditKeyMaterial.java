package dev.palisade.security.autoconfigure.audit;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

import javax.crypto.SecretKey;

import dev.palisade.security.audit.AuditKeys;
import dev.palisade.security.audit.AuditRecordFormat;
import dev.palisade.security.crypto.keyring.Keyring;

/**
 * The keys of the audit log as keyrings: the HMAC keys (the primary seals every new record, the
 * others verify records of earlier keys) and the Ed25519 checkpoint keys (the primary private key
 * signs; the public keys, current and earlier, verify). The signing keyring may be absent, then no
 * checkpoints are written. Replace this bean to take the keys from a secret store.
 * {@link #toString()} shows key ids only.
 */
public final class AuditKeyMaterial {

	private final Keyring<SecretKey> macKeys;

	private final Keyring<PrivateKey> signingKeys;

	private final Keyring<PublicKey> verificationKeys;

	/**
	 * @param macKeys the record HMAC keys
	 * @param signingKeys the checkpoint signing key, or {@code null}
	 * @param verificationKeys the checkpoint public keys, or {@code null}
	 */
	public AuditKeyMaterial(Keyring<SecretKey> macKeys, Keyring<PrivateKey> signingKeys,
			Keyring<PublicKey> verificationKeys) {
		this.macKeys = Objects.requireNonNull(macKeys, "macKeys");
		this.signingKeys = signingKeys;
		this.verificationKeys = verificationKeys;
	}

	/** One HMAC key and one key pair, all under the key id {@value AuditRecordFormat#DEFAULT_KEY_ID}. */
	public AuditKeyMaterial(byte[] hmacKey, PrivateKey signingKey, PublicKey verificationKey) {
		this(Keyring.of(AuditRecordFormat.DEFAULT_KEY_ID, AuditKeys.hmacKey(hmacKey)),
				(signingKey != null) ? Keyring.of(AuditRecordFormat.DEFAULT_KEY_ID, signingKey) : null,
				(verificationKey != null) ? Keyring.of(AuditRecordFormat.DEFAULT_KEY_ID, verificationKey) : null);
	}

	/** The record HMAC keys. */
	public Keyring<SecretKey> macKeys() {
		return this.macKeys;
	}

	/** A copy of the primary HMAC key's bytes. */
	public byte[] hmacKey() {
		return this.macKeys.primary().getEncoded();
	}

	/** The checkpoint signing keys, or {@code null} when checkpoints are not signed. */
	public Keyring<PrivateKey> signingKeys() {
		return this.signingKeys;
	}

	/** The primary checkpoint signing key, or {@code null}. */
	public PrivateKey signingKey() {
		return (this.signingKeys != null) ? this.signingKeys.primary() : null;
	}

	/** The checkpoint public keys, or {@code null}. */
	public Keyring<PublicKey> verificationKeys() {
		return this.verificationKeys;
	}

	@Override
	public String toString() {
		return "AuditKeyMaterial[macKeys=" + this.macKeys + ", signingKeys=" + this.signingKeys + "]";
	}

}
