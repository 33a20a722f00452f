package dev.palisade.security.autoconfigure.token;

import java.util.Map;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.token.AccessTokenVerifier;
import dev.palisade.security.token.ClaimsPrincipalMapper;
import dev.palisade.security.token.InvalidTokenException;
import dev.palisade.security.token.InvalidTokenException.Reason;
import dev.palisade.security.token.VerifiedAccessToken;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Verifies tokens of an external identity provider with a Spring Security {@link JwtDecoder} and
 * maps them to the same principal model as Palisade's own tokens. Every failure, including an
 * unreachable JWK Set, is an {@link InvalidTokenException}: the caller gets a 401, never a 500.
 * <p>
 * Deliberately not an {@link AccessTokenVerifier} bean type: the application-wide verifier is
 * Palisade's own, which hands this one the tokens whose key it does not know.
 */
public final class ExternalJwtAccessTokenVerifier {

	private final JwtDecoder decoder;

	private final ClaimsPrincipalMapper mapper;

	private final int maxTokenLength;

	public ExternalJwtAccessTokenVerifier(JwtDecoder decoder, ClaimsPrincipalMapper mapper, int maxTokenLength) {
		this.decoder = decoder;
		this.mapper = mapper;
		this.maxTokenLength = maxTokenLength;
	}

	/** Verifies a token of the external provider; see {@link AccessTokenVerifier#verify}. */
	public VerifiedAccessToken verify(String token) throws InvalidTokenException {
		if (token == null || token.length() > this.maxTokenLength) {
			throw new InvalidTokenException((token == null) ? Reason.MALFORMED : Reason.TOO_LONG);
		}
		Jwt jwt = decode(token);
		Map<String, Object> claims = jwt.getClaims();
		PalisadePrincipal principal;
		try {
			principal = this.mapper.map(claims);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTokenException(Reason.MALFORMED, ex);
		}
		String issuer = (jwt.getIssuer() != null) ? jwt.getIssuer().toString() : null;
		return new VerifiedAccessToken(principal, jwt.getId(), issuer, jwt.getIssuedAt(), jwt.getExpiresAt(),
				jwt.getNotBefore(), jwt.getHeaders().get("kid") instanceof String kid ? kid : null, claims);
	}

	private Jwt decode(String token) throws InvalidTokenException {
		try {
			return this.decoder.decode(token);
		}
		catch (JwtValidationException ex) {
			throw new InvalidTokenException(reasonOf(ex), ex);
		}
		catch (BadJwtException ex) {
			throw new InvalidTokenException(Reason.BAD_SIGNATURE, ex);
		}
		catch (JwtException ex) {
			// the JWK Set could not be fetched or holds no matching key
			throw new InvalidTokenException(Reason.UNKNOWN_KEY, ex);
		}
		catch (RuntimeException ex) {
			throw new InvalidTokenException(Reason.MALFORMED, ex);
		}
	}

	private static Reason reasonOf(JwtValidationException ex) {
		for (OAuth2Error error : ex.getErrors()) {
			Reason reason = ExternalTokenValidator.reasonOf(error);
			if (reason != null) {
				return reason;
			}
		}
		return Reason.MALFORMED;
	}
}
