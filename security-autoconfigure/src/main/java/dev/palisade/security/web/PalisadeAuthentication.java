package dev.palisade.security.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.palisade.security.principal.PalisadePrincipal;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated caller, whatever credential it presented. The principal is a
 * {@link PalisadePrincipal}, so {@code @AuthenticationPrincipal PalisadePrincipal me} works in
 * controllers. Authorities are the caller's permissions as-is plus its roles prefixed with
 * {@code ROLE_}, so {@code hasAuthority("agents:read")} and {@code hasRole("org:admin")} both work
 * beside Palisade's own annotations. The credential itself is never kept: only its id and expiry
 * (for sign-out) and its non-secret attributes (for example a rate-limit plan).
 */
public final class PalisadeAuthentication extends AbstractAuthenticationToken {

	private final PalisadePrincipal principal;

	private final String tokenId;

	private final Instant tokenExpiresAt;

	private final Map<String, Object> attributes;

	/** A caller authenticated by a credential with no id or attributes worth keeping. */
	public PalisadeAuthentication(PalisadePrincipal principal) {
		this(principal, null, null, Map.of());
	}

	/**
	 * A caller authenticated by a credential that is not a token with an id (an API key, a certificate).
	 * @param attributes non-secret attributes of the credential, for example the caller's plan
	 */
	public PalisadeAuthentication(PalisadePrincipal principal, Map<String, Object> attributes) {
		this(principal, null, null, attributes);
	}

	/**
	 * A caller authenticated by an access token.
	 * @param principal the caller
	 * @param tokenId the token's {@code jti}, or {@code null} if it has none
	 * @param tokenExpiresAt the token's {@code exp}, or {@code null}
	 * @param attributes the token's claims (never the token itself)
	 */
	public PalisadeAuthentication(PalisadePrincipal principal, String tokenId, Instant tokenExpiresAt,
			Map<String, Object> attributes) {
		super(authoritiesOf(principal));
		this.principal = principal;
		this.tokenId = tokenId;
		this.tokenExpiresAt = tokenExpiresAt;
		this.attributes = (attributes != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(attributes)) : Map.of();
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

	@Override
	public String getName() {
		return this.principal.subject();
	}

	/**
	 * The {@code jti} of the access token the caller presented, for revoking it (sign-out);
	 * {@code null} for other credentials or a token without an id. Not a secret: the token itself is
	 * never kept.
	 */
	public String tokenId() {
		return this.tokenId;
	}

	/** The {@code exp} of the access token the caller presented, or {@code null} (see {@link #tokenId()}). */
	public Instant tokenExpiresAt() {
		return this.tokenExpiresAt;
	}

	/** Non-secret attributes of the verified credential (token claims, API-key attributes); may be empty. */
	public Map<String, Object> getAttributes() {
		return this.attributes;
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
