package dev.palisade.security.access;

/**
 * What happens to an endpoint that has neither a URL rule nor an annotation: refused, or allowed
 * for any authenticated caller. Public endpoints are never implied; they are declared.
 */
public enum DefaultPolicy {

	/** Refuse every caller ({@link ReasonCode#DENIED_NO_RULE}). */
	DENY,

	/** Allow any authenticated caller. */
	AUTHENTICATED;

	/** The decision for an uncovered endpoint. */
	public AccessDecision decide(boolean authenticated) {
		if (!authenticated) {
			return AccessDecision.of(ReasonCode.DENIED_UNAUTHENTICATED);
		}
		return AccessDecision.of((this == DENY) ? ReasonCode.DENIED_NO_RULE : ReasonCode.ALLOWED_AUTHENTICATED);
	}
}
