package dev.palisade.security.web;

import java.util.List;

import dev.palisade.security.x509.AcceptedClientCertificates;
import dev.palisade.security.x509.ClientCertificateMapper;
import dev.palisade.security.x509.ClientCertificateValidator;

/**
 * What {@link PalisadeHttpConfigurer} needs to take client certificates as credentials
 * ({@code palisade.tls.clients}).
 *
 * @param validator the chain check against the clients' CA
 * @param mapper certificate to principal
 * @param requiredPaths path patterns where only a client certificate is accepted
 * @param forwardedHeader the header a TLS-terminating proxy puts the client certificate in (believed
 * from the trusted proxies only), or {@code null}
 * @param accepted where accepted certificates are noted (expiry gauge, certificate report)
 */
public record ClientCertificateSettings(ClientCertificateValidator validator, ClientCertificateMapper mapper,
		List<String> requiredPaths, String forwardedHeader, AcceptedClientCertificates accepted) {

	public ClientCertificateSettings {
		requiredPaths = List.copyOf(requiredPaths);
	}
}
