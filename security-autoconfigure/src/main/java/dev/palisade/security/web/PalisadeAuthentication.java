package dev.palisade.security.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.palisade.security.principal.PalisadePrincipal;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated caller, whatever credential it presented. The principal is a
 * {@link PalisadePrincipal}, so {@code @AuthenticationPrincipal PalisadePrincipal me} works in
 * controllers. Authorities are the caller's permissions as-is plus its roles prefixed with
 * {@code ROLE_}, so {@code hasAuthority("agents:read")} and {@code hasRole("org:admin")} both work
 * beside Palisade's own annotations. The credential itself is never kept.
 */
public final class PalisadeAuthentication extends AbstractAuthenticationToken {

	private final PalisadePrincipal principal;

	private final String tokenId;

	private final Instant tokenExpiresAt;

	/** A caller authenticated by a credential that is not a token with an id (an API key, a certificate). */
	public PalisadeAuthentication(PalisadePrincipal principal) {
		this(principal, null, null);
	}

	/**
	 * A caller authenticated by an access token.
	 * @param principal the caller
	 * @param tokenId the token's {@code jti}, or {@code null} if it has none
	 * @param tokenExpiresAt the token's {@code exp}, or {@code null}
	 */
	public PalisadeAuthentication(PalisadePrincipal principal, String tokenId, Instant tokenExpiresAt) {
		super(authoritiesOf(principal));
		this.principal = principal;
		this.tokenId = tokenId;
		this.tokenExpiresAt = tokenExpiresAt;
		setAuthenticated(true);
	}

	private static Collection<GrantedAuthority> authoritiesOf(PalisadePrincipal principal) {
		List<GrantedAuthority> authorities = new ArrayList<>(principal.permissions().size() + principal.roles().size());
		principal.permissions().forEach((permission) -> authorities.add(new SimpleGrantedAuthority(permission)));
		principal.roles().forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		return authorities;
	}

	@Override
	public PalisadePrincipal getPrincipal() {
		return this.principal;
	}

	/** Always {@code null}: the credential is dropped once verified. */
	@Override
	public Object getCredentials() {
		return null;
	}

	/**
	 * The {@code jti} of the access token the caller presented, for revoking it (sign-out); {@code null}
	 * for other credentials or a token without an id. Not a secret: the token itself is never kept.
	 */
	public String tokenId() {
		return this.tokenId;
	}

	/** The {@code exp} of the access token the caller presented, or {@code null} (see {@link #tokenId()}). */
	public Instant tokenExpiresAt() {
		return this.tokenExpiresAt;
	}

	@Override
	public String getName() {
		return this.principal.subject();
	}

	@Override
	public void setAuthenticated(boolean authenticated) {
		if (!authenticated) {
			super.setAuthenticated(false);
			return;
		}
		if (isAuthenticated()) {
			return;
		}
		super.setAuthenticated(true);
	}
}
