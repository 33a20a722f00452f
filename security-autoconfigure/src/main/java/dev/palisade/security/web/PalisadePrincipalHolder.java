package dev.palisade.security.web;

import dev.palisade.security.principal.PalisadePrincipal;

/**
 * A framework principal (an OIDC or OAuth 2.0 user) that already knows which
 * {@link PalisadePrincipal} it is, so the audit log and the session record that one.
 */
public interface PalisadePrincipalHolder {

	/** Who this is in Palisade's terms. */
	PalisadePrincipal palisadePrincipal();
}
