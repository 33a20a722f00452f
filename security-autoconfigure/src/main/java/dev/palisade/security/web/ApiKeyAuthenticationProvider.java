package dev.palisade.security.web;

import java.util.List;
import java.util.Map;

import dev.palisade.security.apikey.ApiKeyFormat;
import dev.palisade.security.apikey.ApiKeyOutcome;
import dev.palisade.security.apikey.ApiKeyStoreException;
import dev.palisade.security.apikey.ApiKeyVerification;
import dev.palisade.security.apikey.ApiKeyVerifier;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates API keys with Palisade's {@link ApiKeyVerifier}: keys read from the API key
 * header ({@link ApiKeyAuthenticationToken}) and keys sent as {@code Authorization: Bearer
 * <prefix>_...} ({@link BearerTokenAuthenticationToken} whose value carries the key prefix;
 * other bearer values are left to the access-token provider).
 * <p>
 * A valid key becomes a {@link PalisadeAuthentication} whose principal has kind {@code api_key},
 * the key id as subject and the key's scopes as permissions (and so as authorities). Every
 * refusal, whatever its reason, is the same {@link CredentialRejectedException}; a key longer
 * than the configured limit is refused before it is parsed. A store failure is a
 * {@link CredentialStoreUnavailableException} (503), never a 401.
 */
public final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

	/** The authentication attribute holding a key's rate-limit plan, when it has one. */
	public static final String PLAN_ATTRIBUTE = "plan";

	private final ApiKeyVerifier verifier;

	private final String bearerPrefix;

	private final int maxKeyLength;

	private final boolean acceptBearer;

	private final List<ApiKeyOutcomeListener> listeners;

	/**
	 * @param verifier verifies presented keys
	 * @param format the key format, whose prefix marks bearer values that are API keys
	 * @param maxKeyLength keys longer than this are refused before parsing
	 * @param acceptBearer whether keys sent as bearer tokens are accepted
	 * @param listeners told every outcome (metrics, audit)
	 */
	public ApiKeyAuthenticationProvider(ApiKeyVerifier verifier, ApiKeyFormat format, int maxKeyLength,
			boolean acceptBearer, List<ApiKeyOutcomeListener> listeners) {
		this.verifier = verifier;
		this.bearerPrefix = format.prefix() + "_";
		this.maxKeyLength = maxKeyLength;
		this.acceptBearer = acceptBearer;
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String presented = presentedKey(authentication);
		if (presented == null) {
			return null; // not an API key: another provider's credential
		}
		if (presented.length() > this.maxKeyLength) {
			notify(ApiKeyOutcome.MALFORMED);
			throw new CredentialRejectedException(ApiKeyOutcome.MALFORMED.name());
		}
		ApiKeyVerification verification;
		try {
			verification = this.verifier.verify(presented);
		}
		catch (ApiKeyStoreException ex) {
			this.listeners.forEach(ApiKeyOutcomeListener::onStoreUnavailable);
			throw new CredentialStoreUnavailableException(ex);
		}
		notify(verification.outcome());
		if (!verification.isValid()) {
			throw new CredentialRejectedException(verification.outcome().name());
		}
		String plan = verification.plan();
		PalisadeAuthentication result = new PalisadeAuthentication(verification.toPrincipal(),
				(plan != null) ? Map.of(PLAN_ATTRIBUTE, plan) : Map.of());
		result.setDetails(authentication.getDetails());
		return result;
	}

	private String presentedKey(Authentication authentication) {
		if (authentication instanceof ApiKeyAuthenticationToken apiKey) {
			return (apiKey.getCredentials() != null) ? apiKey.getCredentials() : "";
		}
		if (this.acceptBearer && authentication instanceof BearerTokenAuthenticationToken bearer
				&& bearer.getToken().startsWith(this.bearerPrefix)) {
			return bearer.getToken();
		}
		return null;
	}

	private void notify(ApiKeyOutcome outcome) {
		for (ApiKeyOutcomeListener listener : this.listeners) {
			listener.onOutcome(outcome);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return ApiKeyAuthenticationToken.class.isAssignableFrom(authentication)
				|| BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
