package dev.palisade.security.web;

import dev.palisade.security.principal.PalisadePrincipal;

import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * A plain OAuth 2.0 user (GitHub) the {@link dev.palisade.security.federation.ExternalIdentityLinker}
 * linked to a Palisade principal; named and authorised as that principal.
 */
public final class LinkedOAuth2User extends DefaultOAuth2User implements PalisadePrincipalHolder {

	private static final long serialVersionUID = 1L;

	private final PalisadePrincipal principal;

	LinkedOAuth2User(OAuth2User user, String nameAttributeKey, PalisadePrincipal principal) {
		super(new PalisadeAuthentication(principal).getAuthorities(), user.getAttributes(), nameAttributeKey);
		this.principal = principal;
	}

	@Override
	public PalisadePrincipal palisadePrincipal() {
		return this.principal;
	}

	@Override
	public String getName() {
		return this.principal.subject();
	}
}
