package dev.palisade.security.web;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * A credential could not be checked because the store behind it (the API key database...) failed.
 * Not the caller's fault, so not a 401: {@link ProblemAuthenticationFailureHandler} answers 503.
 * The message is fixed; the store's exception is kept only as the cause, for logs.
 */
public final class CredentialStoreUnavailableException extends AuthenticationServiceException {

	private static final long serialVersionUID = 1L;

	public CredentialStoreUnavailableException(Throwable cause) {
		super("Credential store unavailable", cause);
	}
}
