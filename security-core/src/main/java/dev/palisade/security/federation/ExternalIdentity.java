package dev.palisade.security.federation;

import java.util.Locale;
import java.util.Objects;

/**
 * Who an outside identity provider says signed in, after its response was verified (for OpenID
 * Connect: the ID token's signature, issuer, audience, nonce and expiry). Holds no token.
 *
 * @param provider the client registration's id in the application (for example {@code google})
 * @param issuer the provider's issuer URL, or {@code null} for a plain OAuth 2.0 provider
 * @param subject the provider's stable id for the person ({@code sub}, or GitHub's numeric id)
 * @param email the person's email address as the provider gave it, or {@code null}
 * @param emailVerified whether the provider says it verified {@code email} ({@code email_verified})
 * @param displayName a name to show, or {@code null}
 */
public record ExternalIdentity(String provider, String issuer, String subject, String email, boolean emailVerified,
		String displayName) {

	public ExternalIdentity {
		Objects.requireNonNull(provider, "provider");
		Objects.requireNonNull(subject, "subject");
		if (subject.isBlank()) {
			throw new IllegalArgumentException("subject must not be blank");
		}
	}

	/** The domain of a verified email address, lower-cased, or {@code null} when there is none. */
	public String verifiedEmailDomain() {
		if (!this.emailVerified || this.email == null) {
			return null;
		}
		int at = this.email.lastIndexOf('@');
		return (at > 0 && at < this.email.length() - 1) ? this.email.substring(at + 1).toLowerCase(Locale.ROOT) : null;
	}
}
