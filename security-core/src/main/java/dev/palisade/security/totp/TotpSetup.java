package dev.palisade.security.totp;

import java.util.List;

/**
 * What a user sees once, at enrolment: the secret (base32, for typing in), the {@code otpauth://}
 * URI (for a QR code) and the recovery codes. None of it is stored in clear.
 *
 * @param secret the secret, base32 without padding
 * @param uri the otpauth URI (Google Authenticator's key-uri format)
 * @param recoveryCodes one-time codes for when the authenticator is lost
 */
public record TotpSetup(String secret, String uri, List<String> recoveryCodes) {

	public TotpSetup {
		recoveryCodes = List.copyOf(recoveryCodes);
	}

	@Override
	public String toString() {
		return "TotpSetup[" + this.recoveryCodes.size() + " recovery codes]";
	}
}
