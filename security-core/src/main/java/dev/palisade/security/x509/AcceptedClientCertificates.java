package dev.palisade.security.x509;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client certificate each mapped client last authenticated with, by mapping name: what the
 * expiry gauge and the certificate report show. One entry per configured mapping at most, so it
 * stays as small as the configuration; a renewed certificate replaces the old one at its first use.
 */
public final class AcceptedClientCertificates {

	private final Map<String, CertificateInfo> byMapping = new ConcurrentHashMap<>();

	public void accepted(String mapping, X509Certificate certificate) {
		CertificateInfo info = this.byMapping.get(mapping);
		String serial = certificate.getSerialNumber().toString(16);
		if (info == null || !info.serial().equals(serial)) {
			this.byMapping.put(mapping, CertificateInfo.of(certificate));
		}
	}

	public Optional<CertificateInfo> of(String mapping) {
		return Optional.ofNullable(this.byMapping.get(mapping));
	}

	/** Every entry, by mapping name. */
	public Map<String, CertificateInfo> all() {
		return new TreeMap<>(this.byMapping);
	}
}
