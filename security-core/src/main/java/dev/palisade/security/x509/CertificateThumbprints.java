package dev.palisade.security.x509;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** The RFC 8705 certificate thumbprint: {@code x5t#S256}, base64url (no padding) of SHA-256 over the DER. */
public final class CertificateThumbprints {

	private CertificateThumbprints() {
	}

	/** {@code x5t#S256} of {@code certificate}. */
	public static String x5tS256(X509Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			throw new IllegalStateException("Cannot compute a certificate thumbprint", ex);
		}
	}

	/** Whether {@code thumbprint} is {@code certificate}'s, compared in constant time. */
	public static boolean matches(String thumbprint, X509Certificate certificate) {
		return thumbprint != null && MessageDigest.isEqual(thumbprint.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
				x5tS256(certificate).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
	}
}
