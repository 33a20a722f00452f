package dev.palisade.security.totp;

/** The enrolment store failed; nothing was verified or changed. The token endpoint answers 503. */
public class TotpStoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public TotpStoreException(String message, Throwable cause) {
		super(message, cause);
	}
}
