package dev.palisade.security.autoconfigure.audit;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * The keys of the audit log: the HMAC key that seals every record and the Ed25519 key pair that
 * signs checkpoints (the private key may be absent, then no checkpoints are written). Replace
 * this bean to take the keys from a secret store. {@link #toString()} shows no key material.
 */
public final class AuditKeyMaterial {

	private final byte[] hmacKey;

	private final PrivateKey signingKey;

	private final PublicKey verificationKey;

	/**
	 * @param hmacKey the record HMAC key (copied)
	 * @param signingKey the checkpoint signing key, or {@code null}
	 * @param verificationKey the checkpoint public key, or {@code null}
	 */
	public AuditKeyMaterial(byte[] hmacKey, PrivateKey signingKey, PublicKey verificationKey) {
		this.hmacKey = Objects.requireNonNull(hmacKey, "hmacKey").clone();
		this.signingKey = signingKey;
		this.verificationKey = verificationKey;
	}

	/** A copy of the HMAC key. */
	public byte[] hmacKey() {
		return this.hmacKey.clone();
	}

	/** The checkpoint signing key, or {@code null}. */
	public PrivateKey signingKey() {
		return this.signingKey;
	}

	/** The checkpoint public key, or {@code null}. */
	public PublicKey verificationKey() {
		return this.verificationKey;
	}

	@Override
	public String toString() {
		return "AuditKeyMaterial[hmacKey=" + this.hmacKey.length + " bytes, signing="
				+ ((this.signingKey != null) ? "Ed25519" : "none") + "]";
	}
}
