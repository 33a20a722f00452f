package dev.palisade.security.web;

import java.util.List;

import dev.palisade.security.access.AccessSubject;
import dev.palisade.security.access.Scope;
import dev.palisade.security.principal.PalisadePrincipal;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;

/**
 * Turns a Spring Security {@link Authentication} into the {@link AccessSubject} the access model
 * decides on. Fail closed: an anonymous caller is no subject at all, and an authentication that
 * is not Palisade's (or whose principal carries a malformed permission) is a subject without any
 * binding, so it passes only "authenticated" rules.
 */
public final class AccessSubjects {

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private AccessSubjects() {
	}

	/**
	 * The subject of an authentication, or {@code null} when nobody is authenticated.
	 * @param platformRolePrefix role names with this prefix are platform roles
	 */
	public static AccessSubject of(Authentication authentication, String platformRolePrefix) {
		if (!TRUST.isAuthenticated(authentication)) {
			return null;
		}
		if (authentication.getPrincipal() instanceof PalisadePrincipal principal) {
			try {
				return AccessSubject.from(principal, platformRolePrefix);
			}
			catch (IllegalArgumentException ex) {
				return AccessSubject.of(principal.subject(), List.of(), List.of());
			}
		}
		String name = authentication.getName();
		return AccessSubject.of((name != null && !name.isBlank()) ? name : "unknown", List.of(), List.of());
	}

	/**
	 * Where an authenticated caller lives: its project, else its org, else the platform. The
	 * resource scope of an annotation that names no org.
	 */
	public static Scope homeScope(Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof PalisadePrincipal principal
				&& principal.org() != null) {
			try {
				return (principal.project() != null) ? Scope.project(principal.org(), principal.project())
						: Scope.org(principal.org());
			}
			catch (IllegalArgumentException ex) {
				return Scope.platform();
			}
		}
		return Scope.platform();
	}
}
