package dev.palisade.security.web;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import dev.palisade.security.x509.AcceptedClientCertificates;
import dev.palisade.security.x509.ClientCertificateAuthenticator;
import dev.palisade.security.x509.MappedClient;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * A client certificate chain (the credentials of a {@link PreAuthenticatedAuthenticationToken}) as a
 * credential: checked by the {@link ClientCertificateValidator}, then mapped by the
 * {@link ClientCertificateMapper} to a {@link PalisadeAuthentication} of kind {@code client_cert},
 * with the mapping's name and the certificate's {@code x5t#S256} as attributes. An invalid or unmapped
 * certificate is a {@link CredentialRejectedException} with a bounded reason
 * ({@code expired}, {@code untrusted}, ..., {@code unmapped}), answered like any other bad credential.
 */
public final class ClientCertificateAuthenticationProvider implements AuthenticationProvider {

	/** The attribute holding the mapping's name. */
	public static final String MAPPING = "client_certificate_mapping";

	/** The attribute holding the certificate's RFC 8705 thumbprint. */
	public static final String THUMBPRINT = "x5t#S256";

	private final ClientCertificateAuthenticator authenticator;

	private final AcceptedClientCertificates accepted;

	/** @param accepted where accepted certificates are noted for the expiry report, or {@code null} */
	public ClientCertificateAuthenticationProvider(ClientCertificateAuthenticator authenticator,
			AcceptedClientCertificates accepted) {
		this.authenticator = authenticator;
		this.accepted = accepted;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		List<X509Certificate> chain = (authentication.getCredentials() instanceof X509Certificate[] certificates)
				? List.of(certificates) : List.of();
		ClientCertificateAuthenticator.Outcome outcome = this.authenticator.authenticate(chain);
		MappedClient client = outcome.client();
		if (client == null) {
			throw new CredentialRejectedException(outcome.reasonCode());
		}
		if (this.accepted != null) {
			this.accepted.accepted(client.mapping(), chain.get(0));
		}
		return new PalisadeAuthentication(client.principal(),
				Map.of(MAPPING, client.mapping(), THUMBPRINT, outcome.thumbprint()));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return PreAuthenticatedAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
