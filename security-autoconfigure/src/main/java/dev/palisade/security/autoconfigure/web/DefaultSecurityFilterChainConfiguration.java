package dev.palisade.security.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;

import dev.palisade.security.autoconfigure.token.PalisadeTokenProperties;
import dev.palisade.security.web.PalisadeHttpConfigurer;
import dev.palisade.security.web.PalisadeRequestAuthorizationManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultServletWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.ClassUtils;

/**
 * The chain used when the application defines no {@link SecurityFilterChain} of its own:
 * {@link PalisadeHttpConfigurer}, the JWK Set, {@code /error}, the health endpoint and Spring
 * Security's RFC 9728 metadata ({@code /.well-known/oauth-protected-resource}) open,
 * other Actuator endpoints reserved to callers holding {@code actuator:read} (as an authority or
 * through a platform role), and every other request decided by
 * {@link PalisadeRequestAuthorizationManager} ({@code palisade.access}: public paths, URL rules,
 * annotations, default policy). Without that manager, every other request is authenticated.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDefaultServletWebSecurity
class DefaultSecurityFilterChainConfiguration {

	private static final boolean ACTUATOR_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.actuate.endpoint.annotation.Endpoint",
			DefaultSecurityFilterChainConfiguration.class.getClassLoader());

	static final String ACTUATOR_PERMISSION = "actuator:read";

	@Bean
	@Order(SecurityFilterProperties.BASIC_AUTH_ORDER)
	SecurityFilterChain palisadeSecurityFilterChain(HttpSecurity http, ObjectProvider<PalisadeTokenProperties> tokens,
			ObjectProvider<PalisadeRequestAuthorizationManager> access) throws Exception {
		PalisadeRequestAuthorizationManager palisadeAccess = access.getIfAvailable();
		List<String> open = new ArrayList<>();
		open.add("/error");
		String jwksPath = PalisadeWebSecurityAutoConfiguration.jwksPath(tokens);
		if (jwksPath != null) {
			open.add(jwksPath);
		}
		http.with(PalisadeHttpConfigurer.palisade(), Customizer.withDefaults());
		http.authorizeHttpRequests((requests) -> {
			requests.requestMatchers(open.toArray(String[]::new)).permitAll();
			if (ACTUATOR_PRESENT) {
				requests.requestMatchers(EndpointRequest.to("health")).permitAll();
				if (palisadeAccess != null) {
					// platform scope only: Actuator shows every tenant's data (audit events, metrics), so a
					// credential holding actuator:read for one org must not reach it
					requests.requestMatchers(EndpointRequest.toAnyEndpoint())
						.access(palisadeAccess.platformPermission(ACTUATOR_PERMISSION));
				}
				else {
					requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasAuthority(ACTUATOR_PERMISSION);
				}
			}
			if (palisadeAccess != null) {
				requests.anyRequest().access(palisadeAccess);
			}
			else {
				requests.anyRequest().authenticated();
			}
		});
		return http.build();
	}
}
