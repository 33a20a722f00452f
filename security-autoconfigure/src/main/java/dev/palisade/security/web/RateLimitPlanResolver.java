package dev.palisade.security.web;

import dev.palisade.security.principal.PrincipalKind;

import org.springframework.security.core.Authentication;

/**
 * Finds the rate-limit plan ({@code free}, {@code pro}, ...) of an authenticated caller. The
 * principal model has no plan; the plan travels as an attribute of the verified credential (a
 * token claim or an API-key attribute), which {@link PalisadeAuthentication#getAttributes()}
 * keeps.
 */
@FunctionalInterface
public interface RateLimitPlanResolver {

	/** The caller's plan, or {@code null} if it has none (policies restricted to plans then do not match). */
	String planOf(Authentication authentication);

	/**
	 * Reads the plan of a {@link PalisadeAuthentication}: for an API key its
	 * {@link ApiKeyAuthenticationProvider#PLAN_ATTRIBUTE}, for a token the string claim
	 * {@code tokenClaim}.
	 */
	static RateLimitPlanResolver fromAttribute(String tokenClaim) {
		return (authentication) -> {
			if (!(authentication instanceof PalisadeAuthentication palisade)) {
				return null;
			}
			String name = (palisade.getPrincipal().kind() == PrincipalKind.API_KEY)
					? ApiKeyAuthenticationProvider.PLAN_ATTRIBUTE : tokenClaim;
			return (palisade.getAttributes().get(name) instanceof String plan && !plan.isBlank()) ? plan : null;
		};
	}
}
