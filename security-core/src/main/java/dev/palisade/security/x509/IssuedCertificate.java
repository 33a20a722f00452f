package dev.palisade.security.x509;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A certificate and its private key, as {@link CertificateAuthority} issues them. {@link #toString()}
 * names the certificate's subject, never the key.
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey) {

	@Override
	public String toString() {
		return "IssuedCertificate[" + this.certificate.getSubjectX500Principal().getName() + "]";
	}
}
