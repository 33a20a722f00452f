package dev.palisade.security.x509;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client certificate a TLS-terminating proxy forwards in a header: URL-encoded PEM, as nginx
 * ({@code $ssl_client_escaped_cert}) and HAProxy send it in {@code X-SSL-Client-Cert}, or Envoy's
 * {@code X-Forwarded-Client-Cert} with its {@code Cert="..."} element (URL-encoded PEM too). Believe it
 * only from a trusted proxy: from anyone else it is a forgery.
 */
public final class ForwardedClientCertificate {

	/** Longest header value read; a PEM certificate is a few kilobytes. */
	static final int MAX_LENGTH = 16 * 1024;

	private static final Pattern XFCC_CERT = Pattern.compile("(?:^|[;,])\\s*Cert=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

	private ForwardedClientCertificate() {
	}

	/** The certificate in {@code value}, or empty if there is none or it does not parse. */
	public static Optional<X509Certificate> parse(String value) {
		if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		Matcher xfcc = XFCC_CERT.matcher(value);
		String encoded = xfcc.find() ? xfcc.group(1) : value.trim();
		try {
			String pem = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
			if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
				return Optional.empty();
			}
			return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
		}
		catch (CertificateException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}
}
