package dev.palisade.security.web;

import dev.palisade.security.principal.PalisadePrincipal;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * An OpenID Connect user the {@link dev.palisade.security.federation.ExternalIdentityLinker} linked
 * to a Palisade principal: its name and authorities are that principal's, so the session cap and the
 * session store's principal index count it as that user.
 */
public final class LinkedOidcUser extends DefaultOidcUser implements PalisadePrincipalHolder {

	private static final long serialVersionUID = 1L;

	private final PalisadePrincipal principal;

	LinkedOidcUser(OidcUser user, PalisadePrincipal principal) {
		super(new PalisadeAuthentication(principal).getAuthorities(), user.getIdToken(), user.getUserInfo());
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
