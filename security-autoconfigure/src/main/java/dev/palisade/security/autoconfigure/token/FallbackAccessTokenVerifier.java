package dev.palisade.security.autoconfigure.token;

import dev.palisade.security.token.AccessTokenVerifier;
import dev.palisade.security.token.InvalidTokenException;
import dev.palisade.security.token.InvalidTokenException.Reason;
import dev.palisade.security.token.VerifiedAccessToken;

/**
 * Palisade's own tokens first, then an external provider's: a token whose {@code kid} is not in
 * Palisade's keyring is handed to the external verifier. Palisade's tokens pay nothing for the
 * external provider being configured.
 */
final class FallbackAccessTokenVerifier implements AccessTokenVerifier {

	private final AccessTokenVerifier own;

	private final AccessTokenVerifier external;

	FallbackAccessTokenVerifier(AccessTokenVerifier own, AccessTokenVerifier external) {
		this.own = own;
		this.external = external;
	}

	@Override
	public VerifiedAccessToken verify(String token) throws InvalidTokenException {
		try {
			return this.own.verify(token);
		}
		catch (InvalidTokenException ex) {
			if (ex.reason() != Reason.UNKNOWN_KEY) {
				throw ex;
			}
			return this.external.verify(token);
		}
	}
}
