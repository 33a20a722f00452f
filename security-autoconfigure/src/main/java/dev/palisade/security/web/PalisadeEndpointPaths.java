package dev.palisade.security.web;

import java.util.List;

/**
 * Paths that a Palisade feature serves itself, with the access they need, added to the URL rules
 * after the application's own: the token endpoint is public, sign-out everywhere needs a caller.
 * Each feature that serves endpoints contributes one bean of this type.
 *
 * @param publicPaths path patterns anyone may call without a credential
 * @param authenticatedPaths path patterns any authenticated caller may call
 */
public record PalisadeEndpointPaths(List<String> publicPaths, List<String> authenticatedPaths) {

	public PalisadeEndpointPaths {
		publicPaths = (publicPaths != null) ? List.copyOf(publicPaths) : List.of();
		authenticatedPaths = (authenticatedPaths != null) ? List.copyOf(authenticatedPaths) : List.of();
	}
}
