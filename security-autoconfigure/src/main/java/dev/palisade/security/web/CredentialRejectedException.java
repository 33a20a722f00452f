package dev.palisade.security.web;

import org.springframework.security.core.AuthenticationException;

/**
 * A presented credential (API key, client certificate...) was refused. The message is the same
 * for every reason so that nothing leaks; the reason code is kept for audit and metrics only.
 */
public class CredentialRejectedException extends AuthenticationException {

	private final String reasonCode;

	public CredentialRejectedException(String reasonCode) {
		super("Invalid credential");
		this.reasonCode = reasonCode;
	}

	/** A bounded, non-secret reason such as {@code EXPIRED} or {@code BAD_SIGNATURE}. */
	public String reasonCode() {
		return this.reasonCode;
	}
}
