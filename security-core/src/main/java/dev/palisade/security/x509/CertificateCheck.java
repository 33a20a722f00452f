package dev.palisade.security.x509;

/**
 * Why a client certificate was refused, as a bounded reason for the audit log; never the
 * certificate's contents.
 */
public enum CertificateCheck {

	/** The chain is valid for client authentication. */
	VALID,

	/** No certificate, or an empty chain. */
	MISSING,

	/** The chain does not lead to a configured trust anchor (another CA, a broken signature, a constraint). */
	UNTRUSTED,

	/** The certificate (or one above it) has expired. */
	EXPIRED,

	/** The certificate (or one above it) is not valid yet. */
	NOT_YET_VALID,

	/** A configured CRL lists it. */
	REVOKED,

	/** Its key usage or extended key usage does not allow TLS client authentication. */
	NOT_FOR_CLIENT_AUTH;

	/** The reason as the audit log writes it ({@code not_for_client_auth}). */
	public String reasonCode() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
