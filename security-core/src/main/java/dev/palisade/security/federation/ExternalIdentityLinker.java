package dev.palisade.security.federation;

import java.util.Optional;

import dev.palisade.security.principal.PalisadePrincipal;

/**
 * Decides who a person signed in at an outside provider is here: the principal (subject, org,
 * project, roles) their session gets, or nothing, and then the sign-in is refused. An application
 * replaces the configured one with its own to look people up in its user table, create them on
 * first sign-in, or check an invitation.
 */
@FunctionalInterface
public interface ExternalIdentityLinker {

	/**
	 * @param identity who the provider vouches for
	 * @return the principal to sign in as, or empty to refuse the sign-in
	 */
	Optional<PalisadePrincipal> link(ExternalIdentity identity);
}
