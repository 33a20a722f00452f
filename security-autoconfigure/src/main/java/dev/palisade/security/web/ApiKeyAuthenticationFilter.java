package dev.palisade.security.web;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * Spring Security's {@link AuthenticationFilter} for the API key header: the
 * {@link ApiKeyAuthenticationConverter} reads the key, the Palisade providers verify it, success
 * continues the chain (no redirect, no session) and failure goes to
 * {@link ProblemAuthenticationFailureHandler}. Placed before the bearer-token filter by
 * {@link PalisadeHttpConfigurer} when an {@link ApiKeyAuthenticationConverter} bean exists; it
 * is deliberately not a bean itself, so the servlet container never runs it outside the chain.
 */
public final class ApiKeyAuthenticationFilter extends AuthenticationFilter {

	public ApiKeyAuthenticationFilter(AuthenticationManager authenticationManager,
			ApiKeyAuthenticationConverter converter, ProblemAuthenticationFailureHandler failureHandler) {
		super(authenticationManager, converter);
		// the three-argument handler does nothing; its default four-argument form continues the chain
		setSuccessHandler((request, response, authentication) -> {
		});
		setFailureHandler(failureHandler);
	}

	/**
	 * Adds API key authentication to a chain: this filter before the bearer-token filter, and
	 * the same failure handler on the bearer-token filter, so a key sent as a bearer whose store
	 * is down is also a 503.
	 */
	static void addTo(HttpSecurity http, ApiKeyAuthenticationConverter converter, AuthenticationManager manager,
			AuthenticationEntryPoint entryPoint) {
		ProblemAuthenticationFailureHandler failureHandler = new ProblemAuthenticationFailureHandler(entryPoint);
		http.addFilterBefore(new ApiKeyAuthenticationFilter(manager, converter, failureHandler),
				BearerTokenAuthenticationFilter.class);
		http.oauth2ResourceServer((resourceServer) -> resourceServer
			.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
				@Override
				public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler(failureHandler);
					return filter;
				}
			}));
	}
}
