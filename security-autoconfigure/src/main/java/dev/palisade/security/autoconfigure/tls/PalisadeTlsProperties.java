package dev.palisade.security.autoconfigure.tls;

import java.time.Duration;
import java.util.List;

import dev.palisade.security.x509.ClientCertificateMapping;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTPS and client certificates ({@code palisade.tls}), on Spring Boot's SSL bundles: Palisade
 * sets {@code server.ssl.*} defaults (the bundle, TLS 1.3 and 1.2 only, an AEAD-only cipher list,
 * the client-auth mode) that any {@code server.ssl.*} of the application overrides, and maps the
 * client certificates the server accepted to principals.
 *
 * @param enabled Whether to serve HTTPS with these settings.
 * @param bundle The SSL bundle (spring.ssl.bundle.pem.NAME or .jks.NAME) the server uses.
 * @param devPki A development PKI generated on first start into this directory and used as the
 * bundle when the bundle is not configured; never for production.
 * @param protocols TLS versions offered.
 * @param ciphers Cipher suites offered; unset: TLS 1.3's suites and TLS 1.2's ECDHE suites with
 * AES-GCM or ChaCha20-Poly1305 (no CBC, no RSA key exchange).
 * @param clientAuth Whether the handshake asks for a client certificate: none, want (optional) or
 * need (the handshake fails without one).
 * @param clients Client certificates as principals.
 * @param expiryWarning How far ahead the certificate report (and a start-up warning for the client CA)
 * flags a certificate as expiring.
 */
@ConfigurationProperties("palisade.tls")
public record PalisadeTlsProperties(@DefaultValue("false") boolean enabled, @DefaultValue("palisade") String bundle,
		@DefaultValue DevPki devPki,
		@DefaultValue({ "TLSv1.3", "TLSv1.2" }) List<String> protocols,
		List<String> ciphers,
		@DefaultValue("want") ClientAuth clientAuth, @DefaultValue Clients clients,
		@DefaultValue("14d") Duration expiryWarning) {

	/** How the handshake treats client certificates. */
	public enum ClientAuth {

		NONE, WANT, NEED
	}

	/**
	 * @param directory Where the CA, server and client certificates are generated (for example ./data/pki).
	 */
	public record DevPki(String directory) {
	}

	/**
	 * Which client certificates are credentials, and as whom.
	 *
	 * @param trustedCa PEM file of the CA(s) client certificates must chain to (defaults to the
	 * development PKI's CA when it is on).
	 * @param crl PEM or DER file of a CRL to check client certificates against.
	 * @param requiredPaths Path patterns where a mapped client certificate is the only credential accepted.
	 * @param mappings Certificate to principal, first match wins.
	 * @param forwardedHeader Behind a TLS-terminating proxy: the header it forwards the client
	 * certificate in (URL-encoded PEM, e.g. X-SSL-Client-Cert, or Envoy's X-Forwarded-Client-Cert),
	 * believed only from palisade.network.trusted-proxies; from anyone else ignored and audited.
	 * @param cacheTtl How long an accepted certificate chain is remembered (never past its expiry),
	 * so that path validation does not run on every request.
	 */
	public record Clients(String trustedCa, String crl, @DefaultValue List<String> requiredPaths,
			@DefaultValue List<Mapping> mappings, String forwardedHeader, @DefaultValue("5m") Duration cacheTtl) {
	}

	/**
	 * @param name The client's name (metric tags and the certificate report use it, never the DN).
	 * @param match Which certificate field identifies the client: san-uri, san-dns, san-email or subject-dn.
	 * @param value What that field must hold, for example spiffe://acme/agents/runner.
	 * @param subject The principal's subject; the matched value when unset.
	 * @param org The client's organisation.
	 * @param project The project within org.
	 * @param roles The client's roles.
	 */
	public record Mapping(String name, @DefaultValue("san-uri") ClientCertificateMapping.Match match, String value,
			String subject, String org, String project, @DefaultValue List<String> roles) {
	}
}
