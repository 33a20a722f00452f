package dev.palisade.security.autoconfigure.web;

import java.util.List;

import dev.palisade.security.autoconfigure.token.PalisadeTokenAutoConfiguration;
import dev.palisade.security.autoconfigure.token.PalisadeTokenProperties;
import dev.palisade.security.web.PalisadeAuthenticationProviders;
import dev.palisade.security.web.PalisadeFirewall;
import dev.palisade.security.web.ProblemAccessDeniedHandler;
import dev.palisade.security.web.ProblemAuthenticationEntryPoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Palisade on the servlet stack: the problem+json entry point and access-denied handler, the
 * set of bearer-credential providers, and a default {@link SecurityFilterChain} when the
 * application defines none. Runs before Spring Boot's own security auto-configurations so that
 * theirs back off.
 */
@AutoConfiguration(after = PalisadeTokenAutoConfiguration.class,
		before = { ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
				ManagementWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
				OAuth2ResourceServerWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class })
@EnableConfigurationProperties(PalisadeWebProperties.class)
@Import({ DefaultSecurityFilterChainConfiguration.class, JwkSetEndpointConfiguration.class })
public final class PalisadeWebSecurityAutoConfiguration {

	/** Spring Security's strict firewall, same rules, header characters checked without a regex. */
	@Bean
	@ConditionalOnMissingBean(HttpFirewall.class)
	StrictHttpFirewall palisadeHttpFirewall() {
		return PalisadeFirewall.strict();
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemAuthenticationEntryPoint palisadeAuthenticationEntryPoint(PalisadeWebProperties properties) {
		return new ProblemAuthenticationEntryPoint(properties.realm());
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemAccessDeniedHandler palisadeAccessDeniedHandler(PalisadeWebProperties properties) {
		return new ProblemAccessDeniedHandler(properties.realm());
	}

	@Bean
	@ConditionalOnMissingBean
	PalisadeAuthenticationProviders palisadeAuthenticationProviders(ObjectProvider<AuthenticationProvider> providers) {
		List<AuthenticationProvider> ordered = providers.orderedStream().toList();
		return new PalisadeAuthenticationProviders(ordered);
	}

	static String jwksPath(ObjectProvider<PalisadeTokenProperties> tokens) {
		PalisadeTokenProperties properties = tokens.getIfAvailable();
		return (properties != null && properties.enabled() && properties.jwks().enabled()) ? properties.jwks().path()
				: null;
	}
}
