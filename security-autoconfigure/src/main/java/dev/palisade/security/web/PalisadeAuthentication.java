package dev.palisade.security.web;

import java.util.ArrayList;
import java.util.Collection;
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
 * beside Palisade's own annotations. The credential itself is never kept; its non-secret
 * attributes (the claims of a token, the attributes of an API key) may be, for features such as
 * rate-limit plans.
 */
public final class PalisadeAuthentication extends AbstractAuthenticationToken {

	private final PalisadePrincipal principal;

	private final Map<String, Object> attributes;

	public PalisadeAuthentication(PalisadePrincipal principal) {
		this(principal, Map.of());
	}

	/**
	 * @param principal the caller
	 * @param attributes non-secret attributes of the verified credential (token claims, API-key
	 * attributes), for example the caller's rate-limit plan
	 */
	public PalisadeAuthentication(PalisadePrincipal principal, Map<String, Object> attributes) {
		super(authoritiesOf(principal));
		this.principal = principal;
		this.attributes = (attributes != null) ? java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes))
				: Map.of();
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

	/** Non-secret attributes of the verified credential (token claims, API-key attributes); may be empty. */
	public Map<String, Object> getAttributes() {
		return this.attributes;
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
