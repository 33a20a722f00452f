package dev.palisade.security.x509;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * What a certificate report shows of one certificate: names, serial and validity, nothing secret.
 *
 * @param subject the subject DN (RFC 2253)
 * @param issuer the issuer DN (RFC 2253)
 * @param serial the serial number in hex
 * @param notAfter when it expires
 */
public record CertificateInfo(String subject, String issuer, String serial, Instant notAfter) {

	public static CertificateInfo of(X509Certificate certificate) {
		return new CertificateInfo(certificate.getSubjectX500Principal().getName(),
				certificate.getIssuerX500Principal().getName(), certificate.getSerialNumber().toString(16),
				certificate.getNotAfter().toInstant());
	}

	/** Whole days from {@code now} until it expires; negative once it has. */
	public long daysLeft(Instant now) {
		return Duration.between(now, this.notAfter).toDays();
	}
}
