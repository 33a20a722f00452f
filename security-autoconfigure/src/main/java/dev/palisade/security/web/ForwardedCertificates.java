package dev.palisade.security.web;

import java.security.cert.X509Certificate;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.AuditResult;
import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.net.InvalidIpAddressException;
import dev.palisade.security.x509.ForwardedClientCertificate;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The client certificate a TLS-terminating proxy forwards in {@code header}
 * ({@link ForwardedClientCertificate}), taken only when the socket peer is one of the trusted
 * proxies. The header from anyone else is ignored, and recorded ({@code client_cert.authenticate},
 * denied, {@code untrusted_forwarded_certificate}), since it is an attempt to pass as a client;
 * batched, so a flood of such headers cannot make every request wait for an fsync.
 */
public final class ForwardedCertificates {

	private final String header;

	private final ClientIpResolver proxies;

	private final AuditRecorder auditRecorder;

	/**
	 * @param header the header the proxy writes, or {@code null} to take none
	 * @param auditRecorder where forged headers are recorded, or {@code null}
	 */
	public ForwardedCertificates(String header, ClientIpResolver proxies, AuditRecorder auditRecorder) {
		this.header = header;
		this.proxies = proxies;
		this.auditRecorder = auditRecorder;
	}

	/** None: only the TLS connection's own certificate counts. */
	public static ForwardedCertificates none() {
		return new ForwardedCertificates(null, ClientIpResolver.direct(), null);
	}

	/** The forwarded chain (the leaf only), or {@code null}. */
	X509Certificate[] from(HttpServletRequest request) {
		if (this.header == null) {
			return null;
		}
		String value = request.getHeader(this.header);
		if (value == null) {
			return null;
		}
		if (!trusted(request)) {
			if (this.auditRecorder != null) {
				this.auditRecorder.recordBatched(AuditEvent.builder()
					.action(AuditActions.CLIENT_CERT_AUTHENTICATE)
					.result(AuditResult.DENIED)
					.reasonCode("untrusted_forwarded_certificate")
					.build());
			}
			return null;
		}
		return ForwardedClientCertificate.parse(value).map((certificate) -> new X509Certificate[] { certificate })
			.orElse(null);
	}

	private boolean trusted(HttpServletRequest request) {
		try {
			return this.proxies.isTrustedProxy(request.getRemoteAddr());
		}
		catch (InvalidIpAddressException ex) {
			return false;
		}
	}
}
