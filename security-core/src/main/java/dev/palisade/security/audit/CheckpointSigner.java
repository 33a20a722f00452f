package dev.palisade.security.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/** Signs checkpoints with Ed25519 (the JDK's own implementation). Owned by the writer thread. */
final class CheckpointSigner {

	private final Signature signature;

	private final PrivateKey key;

	private final String keyId;

	CheckpointSigner(String keyId, PrivateKey key) {
		this.keyId = keyId;
		String algorithm = key.getAlgorithm();
		if (!"Ed25519".equalsIgnoreCase(algorithm) && !"EdDSA".equalsIgnoreCase(algorithm)) {
			throw new IllegalArgumentException("checkpoint signing key must be an Ed25519 private key");
		}
		try {
			this.signature = Signature.getInstance("Ed25519");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is required (JDK 15+)", ex);
		}
		this.key = key;
	}

	AuditCheckpoint sign(long sequence, String headHash, Instant now) {
		Instant time = now.truncatedTo(ChronoUnit.MILLIS);
		String signed = "{\"cp\":" + sequence + ",\"kid\":\"" + this.keyId + "\",\"head\":\"" + headHash + "\",\"time\":\"" + time + "\"}";
		byte[] signedBytes = signed.getBytes(StandardCharsets.US_ASCII);
		try {
			this.signature.initSign(this.key);
			this.signature.update(signedBytes);
			String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(this.signature.sign());
			String line = signed.substring(0, signed.length() - 1) + ",\"sig\":\"" + sig + "\"}";
			return new AuditCheckpoint(sequence, headHash, time, line.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("checkpoint signing failed", ex);
		}
	}
}
