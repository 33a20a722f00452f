package dev.palisade.security.x509;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;

/**
 * Turns a validated client certificate into a principal of kind {@code client_cert} by the first
 * {@link ClientCertificateMapping} that matches, or nothing (an unmapped certificate is refused like
 * any other bad credential). Subject alternative names are read with the JDK's parser; a
 * certificate whose SAN extension does not parse matches no SAN mapping.
 */
public final class ClientCertificateMapper {

	private static final int SAN_EMAIL = 1;

	private static final int SAN_DNS = 2;

	private static final int SAN_URI = 6;

	private final List<ClientCertificateMapping> mappings;

	public ClientCertificateMapper(List<ClientCertificateMapping> mappings) {
		this.mappings = List.copyOf(mappings);
	}

	/** The configured mappings, in order. */
	public List<ClientCertificateMapping> mappings() {
		return this.mappings;
	}

	public Optional<MappedClient> map(X509Certificate certificate) {
		List<List<?>> names = subjectAlternativeNames(certificate);
		String dn = certificate.getSubjectX500Principal().getName(X500Principal.CANONICAL);
		for (ClientCertificateMapping mapping : this.mappings) {
			Optional<String> matched = matched(mapping, names, dn);
			if (matched.isPresent()) {
				String subject = (mapping.subject() != null) ? mapping.subject() : matched.get();
				return Optional.of(new MappedClient(mapping.name(), new PalisadePrincipal(subject,
						PrincipalKind.CLIENT_CERT, mapping.org(), mapping.project(), mapping.roles(), Set.of())));
			}
		}
		return Optional.empty();
	}

	private static Optional<String> matched(ClientCertificateMapping mapping, List<List<?>> names, String dn) {
		if (mapping.match() == ClientCertificateMapping.Match.SUBJECT_DN) {
			return mapping.value().equals(dn) ? Optional.of(dn) : Optional.empty();
		}
		int type = switch (mapping.match()) {
			case SAN_URI -> SAN_URI;
			case SAN_DNS -> SAN_DNS;
			case SAN_EMAIL -> SAN_EMAIL;
			case SUBJECT_DN -> throw new IllegalStateException();
		};
		for (List<?> name : names) {
			if (name.size() == 2 && name.get(0) instanceof Integer kind && kind == type
					&& name.get(1) instanceof String value && mapping.match().equal(mapping.value(), value)) {
				return Optional.of(value);
			}
		}
		return Optional.empty();
	}

	private static List<List<?>> subjectAlternativeNames(X509Certificate certificate) {
		try {
			Collection<List<?>> names = certificate.getSubjectAlternativeNames();
			return (names != null) ? new ArrayList<>(names) : List.of();
		}
		catch (CertificateParsingException ex) {
			return List.of();
		}
	}
}
