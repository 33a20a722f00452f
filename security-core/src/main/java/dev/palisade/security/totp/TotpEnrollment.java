package dev.palisade.security.totp;

import java.util.List;
import java.util.Objects;

/**
 * A user's TOTP enrolment as stored: the secret sealed with an {@code Aead} (never in clear), the
 * last time step a code was accepted for (a code is good once), and the SHA-256 hashes of the
 * unused recovery codes.
 *
 * @param subject the user
 * @param sealedSecret the secret, encrypted with the associated data {@code palisade/totp/<subject>}
 * @param confirmed whether a first code confirmed it (only then is the second factor required)
 * @param lastUsedStep the last accepted time step, or {@code Long.MIN_VALUE}
 * @param recoveryCodeHashes hex SHA-256 hashes of the unused recovery codes
 */
public record TotpEnrollment(String subject, byte[] sealedSecret, boolean confirmed, long lastUsedStep,
		List<String> recoveryCodeHashes) {

	public TotpEnrollment {
		Objects.requireNonNull(subject, "subject");
		sealedSecret = sealedSecret.clone();
		recoveryCodeHashes = List.copyOf(recoveryCodeHashes);
	}

	@Override
	public byte[] sealedSecret() {
		return this.sealedSecret.clone();
	}

	TotpEnrollment withLastUsedStep(long step) {
		return new TotpEnrollment(this.subject, this.sealedSecret, this.confirmed, step, this.recoveryCodeHashes);
	}

	TotpEnrollment confirmedAt(long step) {
		return new TotpEnrollment(this.subject, this.sealedSecret, true, step, this.recoveryCodeHashes);
	}

	@Override
	public String toString() {
		return "TotpEnrollment[subject=" + this.subject + ", confirmed=" + this.confirmed + ", recoveryCodes="
				+ this.recoveryCodeHashes.size() + "]";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TotpEnrollment that && this.subject.equals(that.subject)
				&& java.util.Arrays.equals(this.sealedSecret, that.sealedSecret) && this.confirmed == that.confirmed
				&& this.lastUsedStep == that.lastUsedStep && this.recoveryCodeHashes.equals(that.recoveryCodeHashes);
	}

	@Override
	public int hashCode() {
		return this.subject.hashCode();
	}
}
