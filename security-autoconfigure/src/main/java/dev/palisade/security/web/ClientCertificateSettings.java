package dev.palisade.security.web;

import java.util.List;

import dev.palisade.security.x509.AcceptedClientCertificates;
import dev.palisade.security.x509.ClientCertificateAuthenticator;

/**
 * What {@link PalisadeHttpConfigurer} needs to take client certificates as credentials
 * ({@code palisade.tls.clients}).
 *
 * @param authenticator the chain check against the clients' CA and the mapping to principals
 * @param requiredPaths path patterns where only a client certificate is accepted
 * @param forwardedHeader the header a TLS-terminating proxy puts the client certificate in (believed
 * from the trusted proxies only), or {@code null}
 * @param accepted where accepted certificates are noted (expiry gauge, certificate report)
 */
public record ClientCertificateSettings(ClientCertificateAuthenticator authenticator, List<String> requiredPaths, String forwardedHeader, AcceptedClientCertificates accepted) {

	public ClientCertificateSettings {
		requiredPaths = List.copyOf(requiredPaths);
	}
}
