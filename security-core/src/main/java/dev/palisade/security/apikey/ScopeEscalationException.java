package dev.palisade.security.apikey;

import java.util.Set;

/**
 * A request for a key with scopes its creator does not hold (maps to HTTP 403). The refused
 * scopes are public information about the request, not key material.
 */
public final class ScopeEscalationException extends ApiKeyException {

	private static final long serialVersionUID = 1L;

	private final Set<String> refusedScopes;

	public ScopeEscalationException(Set<String> refusedScopes) {
		super("API key scopes exceed the creator's permissions: " + refusedScopes);
		this.refusedScopes = Set.copyOf(refusedScopes);
	}

	/** The requested scopes the creator does not hold. */
	public Set<String> refusedScopes() {
		return this.refusedScopes;
	}

}
