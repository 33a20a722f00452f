package dev.palisade.security.web;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;

/**
 * The ordered providers that authenticate bearer credentials in a Palisade chain (access tokens,
 * then API keys sent as bearers...). Collected by the auto-configuration from every
 * {@code AuthenticationProvider} bean it contributes; replace this bean to change the set.
 *
 * @param providers the providers, tried in order
 */
public record PalisadeAuthenticationProviders(List<AuthenticationProvider> providers) {

	public PalisadeAuthenticationProviders {
		if (providers.isEmpty()) {
			throw new IllegalArgumentException("at least one authentication provider is needed");
		}
		providers = List.copyOf(providers);
	}
}
