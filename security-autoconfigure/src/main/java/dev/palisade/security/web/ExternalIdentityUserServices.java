package dev.palisade.security.web;

import dev.palisade.security.federation.ExternalIdentity;
import dev.palisade.security.federation.ExternalIdentityLinker;
import dev.palisade.security.principal.PalisadePrincipal;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Spring Security's user services for {@code oauth2Login}, followed by the
 * {@link ExternalIdentityLinker}: Spring Security verifies the provider's answer (for OIDC the ID
 * token's signature, issuer, audience, nonce and expiry), the linker decides who that is here. Nobody
 * linked is an {@link OAuth2AuthenticationException} with error {@value #NOT_LINKED}.
 */
public final class ExternalIdentityUserServices {

	/** The error code of a sign-in the linker refused. */
	public static final String NOT_LINKED = "account_not_linked";

	private ExternalIdentityUserServices() {
	}

	/** For OpenID providers (Google, any OIDC issuer). */
	public static OAuth2UserService<OidcUserRequest, OidcUser> oidc(ExternalIdentityLinker linker) {
		OidcUserService delegate = new OidcUserService();
		return (request) -> {
			OidcUser user = delegate.loadUser(request);
			ExternalIdentity identity = new ExternalIdentity(request.getClientRegistration().getRegistrationId(),
					(user.getIssuer() != null) ? user.getIssuer().toString() : null, user.getSubject(), user.getEmail(),
					Boolean.TRUE.equals(user.getEmailVerified()), user.getFullName());
			return new LinkedOidcUser(user, linked(linker, identity));
		};
	}

	/**
	 * For plain OAuth 2.0 providers (GitHub): the subject is the user-name attribute of the
	 * registration (GitHub's {@code id}); a profile email is not taken as verified.
	 */
	public static OAuth2UserService<OAuth2UserRequest, OAuth2User> oauth2(ExternalIdentityLinker linker) {
		DefaultOAuth2UserService delegate = new DefaultOAuth2UserService();
		return (request) -> {
			OAuth2User user = delegate.loadUser(request);
			String nameAttribute = request.getClientRegistration()
				.getProviderDetails()
				.getUserInfoEndpoint()
				.getUserNameAttributeName();
			ExternalIdentity identity = new ExternalIdentity(request.getClientRegistration().getRegistrationId(), null,
					user.getName(), stringAttribute(user, "email"), false, stringAttribute(user, "name"));
			return new LinkedOAuth2User(user, nameAttribute, linked(linker, identity));
		};
	}

	private static PalisadePrincipal linked(ExternalIdentityLinker linker, ExternalIdentity identity) {
		return linker.link(identity)
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(NOT_LINKED),
					"No account here is linked to this sign-in"));
	}

	private static String stringAttribute(OAuth2User user, String name) {
		return (user.getAttribute(name) instanceof String value) ? value : null;
	}
}
