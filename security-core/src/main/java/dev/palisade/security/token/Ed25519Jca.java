package dev.palisade.security.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * Turns raw RFC 8032 Ed25519 key bytes into JCA keys and signature engines. Used by our own JWS signer
 * and verifier because Nimbus's Ed25519Signer/Ed25519Verifier depend on Google Tink, which Palisade does
 * not ship; JCA "Ed25519" is in the JDK since 15 and in BouncyCastle.
 */
final class Ed25519Jca {

	/** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112), followed by 32 key bytes. */
	private static final byte[] SPKI_PREFIX = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
			0x00 };

	/** DER prefix of a PKCS#8 PrivateKeyInfo for Ed25519, followed by the 32-byte seed. */
	private static final byte[] PKCS8_PREFIX = { 0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65,
			0x70, 0x04, 0x22, 0x04, 0x20 };

	static final int KEY_LENGTH = 32;

	static final int SIGNATURE_LENGTH = 64;

	private Ed25519Jca() {
	}

	static PublicKey publicKey(byte[] raw, Provider provider) throws GeneralSecurityException {
		if (raw.length != KEY_LENGTH) {
			throw new GeneralSecurityException("Ed25519 public key must be 32 bytes");
		}
		return keyFactory(provider).generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw)));
	}

	static PrivateKey privateKey(byte[] raw, Provider provider) throws GeneralSecurityException {
		if (raw.length != KEY_LENGTH) {
			throw new GeneralSecurityException("Ed25519 private key must be 32 bytes");
		}
		return keyFactory(provider).generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, raw)));
	}

	static Signature signature(Provider provider) throws GeneralSecurityException {
		return (provider != null) ? Signature.getInstance("Ed25519", provider) : Signature.getInstance("Ed25519");
	}

	private static KeyFactory keyFactory(Provider provider) throws GeneralSecurityException {
		return (provider != null) ? KeyFactory.getInstance("Ed25519", provider) : KeyFactory.getInstance("Ed25519");
	}

	private static byte[] concat(byte[] prefix, byte[] raw) {
		byte[] out = new byte[prefix.length + raw.length];
		System.arraycopy(prefix, 0, out, 0, prefix.length);
		System.arraycopy(raw, 0, out, prefix.length, raw.length);
		return out;
	}

}
