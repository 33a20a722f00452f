package dev.palisade.security.x509;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a client's certificate chain the way a TLS server should before it believes it, with the
 * JDK's PKIX validator (RFC 5280 path validation: signatures, validity on this validator's clock,
 * basic and name constraints, path length) against the configured trust anchors, the configured
 * CRLs when there are any, and the leaf's key usage ({@code digitalSignature} when the extension is
 * present) and extended key usage ({@code clientAuth} required). It runs again behind the TLS
 * handshake because the handshake's trust store may be broader than the clients' CA, because a
 * certificate can arrive from a proxy header, and because the CRL and the clock are Palisade's.
 */
public final class ClientCertificateValidator {

	static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

	private static final int DIGITAL_SIGNATURE = 0;

	private static final int CRL_SIGN = 6;

	private final Set<TrustAnchor> anchors;

	private final List<X509CRL> crls;

	private final Clock clock;

	private final boolean requireClientAuth;

	/** The anchors' certificates, to drop from a presented chain; fixed, so computed once. */
	private final Set<X509Certificate> anchorCertificates;

	/** Whether every anchor's email name constraints are well formed (RFC 5280); fixed, so checked once. */
	private final boolean anchorsWellFormed;

	/**
	 * @param trusted the CA certificates client certificates must chain to
	 * @param crls revocation lists to check against; when not empty, a certificate whose issuer has
	 * no CRL here is refused (fail closed)
	 * @throws IllegalArgumentException for no trusted CA, or a CRL that does not conform (see below)
	 */
	public ClientCertificateValidator(List<X509Certificate> trusted, List<X509CRL> crls, Clock clock) {
		this(trusted, crls, clock, true);
	}

	/** Without the client-authentication usage check: only for running server-side path test vectors. */
	ClientCertificateValidator(List<X509Certificate> trusted, List<X509CRL> crls, Clock clock, boolean requireClientAuth) {
		this.requireClientAuth = requireClientAuth;
		if (trusted.isEmpty()) {
			throw new IllegalArgumentException("at least one trusted CA certificate is needed");
		}
		this.anchors = trusted.stream().map((ca) -> new TrustAnchor(ca, null)).collect(Collectors.toUnmodifiableSet());
		this.anchorCertificates = Set.copyOf(trusted);
		this.anchorsWellFormed = trusted.stream().allMatch(EmailNames::constraintsWellFormed);
		crls.forEach((crl) -> requireConforming(crl, trusted));
		this.crls = List.copyOf(crls);
		this.clock = clock;
	}

	/** The trust anchors' certificates, for the certificate report. */
	public List<X509Certificate> trustAnchors() {
		return this.anchors.stream().map(TrustAnchor::getTrustedCert).toList();
	}

	/**
	 * @param chain the leaf first, then whatever intermediates the client sent (a root may be included)
	 */
	public CertificateCheck validate(List<X509Certificate> chain) {
		if (chain == null || chain.isEmpty()) {
			return CertificateCheck.MISSING;
		}
		X509Certificate leaf = chain.get(0);
		if (this.requireClientAuth && !forClientAuth(leaf)) {
			return CertificateCheck.NOT_FOR_CLIENT_AUTH;
		}
		// the JDK's PKIX accepts malformed email names and email name constraints; RFC 5280 does not
		if (!this.anchorsWellFormed || !EmailNames.wellFormed(leaf)
				|| !chain.stream().allMatch(EmailNames::constraintsWellFormed)) {
			return CertificateCheck.UNTRUSTED;
		}
		try {
			CertPathValidator validator = CertPathValidator.getInstance("PKIX");
			PKIXParameters parameters = new PKIXParameters(this.anchors);
			parameters.setDate(Date.from(this.clock.instant()));
			if (this.crls.isEmpty()) {
				parameters.setRevocationEnabled(false);
			}
			else {
				// the configured CRLs only: no OCSP, no fetching of distribution points from a certificate
				PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
				revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
						PKIXRevocationChecker.Option.NO_FALLBACK));
				parameters.addCertPathChecker(revocation);
				parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(this.crls)));
			}
			validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(withoutAnchors(chain)),
					parameters);
			return CertificateCheck.VALID;
		}
		catch (CertPathValidatorException ex) {
			return reasonOf(ex);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return CertificateCheck.UNTRUSTED;
		}
	}

	/**
	 * A CRL is refused when it is loaded if it lacks the CRL number RFC 5280 (5.2.3) requires, or if
	 * a trusted CA signed it whose key usage does not allow signing CRLs (4.2.1.3); the JDK's checker
	 * would use either.
	 */
	private static void requireConforming(X509CRL crl, List<X509Certificate> trusted) {
		if (crl.getExtensionValue("2.5.29.20") == null) {
			throw new IllegalArgumentException("a CRL without a CRL number (RFC 5280 5.2.3)");
		}
		for (X509Certificate ca : trusted) {
			if (ca.getSubjectX500Principal().equals(crl.getIssuerX500Principal()) && signed(crl, ca)) {
				boolean[] keyUsage = ca.getKeyUsage();
				if (keyUsage != null && (keyUsage.length <= CRL_SIGN || !keyUsage[CRL_SIGN])) {
					throw new IllegalArgumentException("a CRL signed by a CA whose key usage lacks cRLSign");
				}
			}
		}
	}

	private static boolean signed(X509CRL crl, X509Certificate ca) {
		try {
			crl.verify(ca.getPublicKey());
			return true;
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/** PKIX wants the path without its trust anchor; a client may send the root along. */
	private List<X509Certificate> withoutAnchors(List<X509Certificate> chain) {
		List<X509Certificate> path = chain.stream()
			.filter((certificate) -> !this.anchorCertificates.contains(certificate))
			.toList();
		return path.isEmpty() ? List.of(chain.get(0)) : path;
	}

	private static CertificateCheck reasonOf(CertPathValidatorException ex) {
		if (ex.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
			return CertificateCheck.REVOKED;
		}
		if (ex.getReason() == CertPathValidatorException.BasicReason.EXPIRED
				|| ex.getCause() instanceof CertificateExpiredException) {
			return CertificateCheck.EXPIRED;
		}
		if (ex.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID
				|| ex.getCause() instanceof CertificateNotYetValidException) {
			return CertificateCheck.NOT_YET_VALID;
		}
		if (ex.getReason() == PKIXReason.INVALID_KEY_USAGE) {
			return CertificateCheck.NOT_FOR_CLIENT_AUTH;
		}
		return CertificateCheck.UNTRUSTED;
	}

	private static boolean forClientAuth(X509Certificate leaf) {
		boolean[] keyUsage = leaf.getKeyUsage();
		if (keyUsage != null && (keyUsage.length <= DIGITAL_SIGNATURE || !keyUsage[DIGITAL_SIGNATURE])) {
			return false;
		}
		try {
			List<String> extended = leaf.getExtendedKeyUsage();
			return extended != null && extended.contains(CLIENT_AUTH);
		}
		catch (CertificateParsingException ex) {
			return false;
		}
	}
}
