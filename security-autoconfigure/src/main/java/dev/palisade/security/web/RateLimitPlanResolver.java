package dev.palisade.security.web;

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

	/** Reads the plan from the string attribute {@code name} of a {@link PalisadeAuthentication}. */
	static RateLimitPlanResolver fromAttribute(String name) {
		return (authentication) -> {
			if (authentication instanceof PalisadeAuthentication palisade
					&& palisade.getAttributes().get(name) instanceof String plan && !plan.isBlank()) {
				return plan;
			}
			return null;
		};
	}
}
