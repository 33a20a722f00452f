package dev.palisade.security.token;

/** Verifies an access token string and returns the principal it carries. */
@FunctionalInterface
public interface AccessTokenVerifier {

	/**
	 * Verifies signature, type, issuer, audience and times of {@code token}.
	 * @throws InvalidTokenException for any rejected token, including malformed input; no other
	 * exception type escapes for bad input
	 */
	VerifiedAccessToken verify(String token) throws InvalidTokenException;

}
