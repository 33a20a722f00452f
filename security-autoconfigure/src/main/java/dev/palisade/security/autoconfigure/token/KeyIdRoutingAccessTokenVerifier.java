package dev.palisade.security.autoconfigure.token;

import java.text.ParseException;
import java.util.function.Predicate;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import dev.palisade.security.token.AccessTokenVerifier;
import dev.palisade.security.token.InvalidTokenException;
import dev.palisade.security.token.VerifiedAccessToken;

/**
 * Sends a token to Palisade's own verifier when its header names a key of Palisade's keyring (or
 * no key, or cannot be read: the own verifier then says why), and to the external identity
 * provider's verifier otherwise. Only the header is decoded here; verification is entirely the
 * chosen verifier's.
 */
final class KeyIdRoutingAccessTokenVerifier implements AccessTokenVerifier {

	private final AccessTokenVerifier own;

	private final Predicate<String> ownKeyId;

	private final AccessTokenVerifier external;

	private final int maxTokenLength;

	KeyIdRoutingAccessTokenVerifier(AccessTokenVerifier own, Predicate<String> ownKeyId, AccessTokenVerifier external,
			int maxTokenLength) {
		this.own = own;
		this.ownKeyId = ownKeyId;
		this.external = external;
		this.maxTokenLength = maxTokenLength;
	}

	@Override
	public VerifiedAccessToken verify(String token) throws InvalidTokenException {
		String kid = peekKeyId(token);
		if (kid != null && !this.ownKeyId.test(kid)) {
			return this.external.verify(token);
		}
		return this.own.verify(token);
	}

	private String peekKeyId(String token) {
		if (token == null || token.length() > this.maxTokenLength) {
			return null;
		}
		int dot = token.indexOf('.');
		if (dot <= 0) {
			return null;
		}
		try {
			return JWSHeader.parse(new Base64URL(token.substring(0, dot))).getKeyID();
		}
		catch (ParseException | RuntimeException ex) {
			return null;
		}
	}
}
