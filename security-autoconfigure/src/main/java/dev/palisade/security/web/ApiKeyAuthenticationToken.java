package dev.palisade.security.web;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An API key read from the request and not yet verified. Produced by
 * {@link ApiKeyAuthenticationConverter}, consumed by {@link ApiKeyAuthenticationProvider}, which
 * replaces it with a {@link PalisadeAuthentication}. {@link #toString()} never shows the key.
 */
public final class ApiKeyAuthenticationToken extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private String key;

	/** @param key the key as presented */
	public ApiKeyAuthenticationToken(String key) {
		super(List.of());
		this.key = key;
		setAuthenticated(false);
	}

	/** The presented key. */
	@Override
	public String getCredentials() {
		return this.key;
	}

	/** Always {@code null}: who is calling is known only once the key is verified. */
	@Override
	public Object getPrincipal() {
		return null;
	}

	@Override
	public void setAuthenticated(boolean authenticated) {
		if (authenticated) {
			throw new IllegalArgumentException("an API key is authenticated by ApiKeyAuthenticationProvider");
		}
		super.setAuthenticated(false);
	}

	@Override
	public void eraseCredentials() {
		this.key = null;
	}

	@Override
	public String toString() {
		return "ApiKeyAuthenticationToken[key=***]";
	}
}
