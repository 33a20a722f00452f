package dev.palisade.security.token;

import java.util.Objects;

/**
 * An access token was rejected. Checked on purpose: every caller of a verifier must decide what a
 * rejection means (normally HTTP 401). {@link #reason()} is for audit and metrics; {@link #getMessage()}
 * is generic and never contains the token or any part of it, so it is safe to log and never tells a
 * client which check failed.
 */
public final class InvalidTokenException extends Exception {

	private static final long serialVersionUID = 1L;

	/** Why the token was rejected. */
	public enum Reason {

		/** Not a compact JWS, bad base64url, bad JSON, duplicate members, wrong claim types. */
		MALFORMED,

		/** Longer than the configured maximum; rejected before parsing. */
		TOO_LONG,

		/** The header algorithm is {@code none}, unknown, or not the algorithm of the selected key. */
		UNSUPPORTED_ALGORITHM,

		/** No key with the header's {@code kid} (or no {@code kid}). */
		UNKNOWN_KEY,

		/** The signature does not verify. */
		BAD_SIGNATURE,

		/** {@code exp} is past (beyond the clock skew). */
		EXPIRED,

		/** {@code nbf} or {@code iat} lies in the future beyond the clock skew. */
		NOT_YET_VALID,

		/** {@code iss} is not the configured issuer. */
		WRONG_ISSUER,

		/** {@code aud} contains none of the configured audiences. */
		WRONG_AUDIENCE,

		/** The {@code typ} header is not {@code at+jwt} (an ID token, a refresh token, a plain JWT). */
		WRONG_TYPE,

		/** The header lists critical parameters we do not understand. */
		CRITICAL_HEADER,

		/** A required claim ({@code exp}, {@code sub}, {@code iss}, {@code aud}) is missing. */
		MISSING_CLAIM,

		/** The token id is on the deny list. */
		REVOKED

	}

	private final Reason reason;

	public InvalidTokenException(Reason reason) {
		super("Invalid access token");
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	public InvalidTokenException(Reason reason, Throwable cause) {
		super("Invalid access token", cause);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	/** The machine-readable rejection reason. */
	public Reason reason() {
		return this.reason;
	}

	@Override
	public String toString() {
		return "InvalidTokenException[" + this.reason + "]";
	}

}
