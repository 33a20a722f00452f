package dev.palisade.security.web;

import java.util.List;

import dev.palisade.security.token.AccessTokenVerifier;
import dev.palisade.security.token.InvalidTokenException;
import dev.palisade.security.token.VerifiedAccessToken;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates a bearer JWT with Palisade's {@link AccessTokenVerifier}, in the shape of Spring
 * Security's {@code JwtAuthenticationProvider}. Every refusal becomes the same
 * {@link InvalidBearerTokenException} ({@code invalid_token}); the verifier's reason travels only
 * as the exception's cause, for audit and metrics.
 */
public final class AccessTokenAuthenticationProvider implements AuthenticationProvider {

	private final AccessTokenVerifier verifier;

	private final BearerCredentialRouting routing;

	private final AccessTokenOutcomeListener[] listeners;

	public AccessTokenAuthenticationProvider(AccessTokenVerifier verifier, BearerCredentialRouting routing) {
		this(verifier, routing, List.of());
	}

	/**
	 * @param listeners told each verification's outcome, in order
	 */
	public AccessTokenAuthenticationProvider(AccessTokenVerifier verifier, BearerCredentialRouting routing,
			List<AccessTokenOutcomeListener> listeners) {
		this.verifier = verifier;
		this.routing = routing;
		this.listeners = listeners.toArray(AccessTokenOutcomeListener[]::new);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String token = ((BearerTokenAuthenticationToken) authentication).getToken();
		if (!this.routing.isAccessToken(token)) {
			return null; // another credential kind (an API key sent as a bearer): not ours
		}
		try {
			VerifiedAccessToken verified = this.verifier.verify(token);
			for (AccessTokenOutcomeListener listener : this.listeners) {
				listener.onVerified();
			}
			PalisadeAuthentication result = new PalisadeAuthentication(verified.principal(), verified.jti(),
					verified.expiresAt(), verified.claims());
			result.setDetails(authentication.getDetails());
			return result;
		}
		catch (InvalidTokenException ex) {
			for (AccessTokenOutcomeListener listener : this.listeners) {
				listener.onRejected(ex.reason());
			}
			throw new InvalidBearerTokenException("Invalid token", ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
