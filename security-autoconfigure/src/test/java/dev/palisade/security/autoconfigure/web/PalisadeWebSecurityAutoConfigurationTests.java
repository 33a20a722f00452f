package dev.palisade.security.autoconfigure.web;

import dev.palisade.security.autoconfigure.token.PalisadeTokenAutoConfiguration;
import dev.palisade.security.web.PalisadeAuthenticationProviders;
import dev.palisade.security.web.ProblemAccessDeniedHandler;
import dev.palisade.security.web.ProblemAuthenticationEntryPoint;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.function.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;

class PalisadeWebSecurityAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeTokenAutoConfiguration.class,
				PalisadeWebSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, WebMvcAutoConfiguration.class));

	@Test
	void publishesTheDefaultChainAndItsParts() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SecurityFilterChain.class)
			.hasBean("palisadeSecurityFilterChain")
			.hasSingleBean(ProblemAuthenticationEntryPoint.class)
			.hasSingleBean(ProblemAccessDeniedHandler.class)
			.hasSingleBean(PalisadeAuthenticationProviders.class)
			.hasBean("palisadeJwkSetRoute"));
	}

	@Test
	void defaultChainBacksOffForTheApplicationsChain() {
		this.contextRunner.withUserConfiguration(OwnChain.class)
			.run((context) -> assertThat(context).hasSingleBean(SecurityFilterChain.class)
				.hasBean("ownChain")
				.doesNotHaveBean("palisadeSecurityFilterChain"));
	}

	@Test
	void entryPointAndHandlerBackOff() {
		this.contextRunner.withUserConfiguration(OwnHandlers.class).run((context) -> {
			assertThat(context.getBean(ProblemAuthenticationEntryPoint.class)).isSameAs(context.getBean("ownEntryPoint"));
			assertThat(context.getBean(ProblemAccessDeniedHandler.class)).isSameAs(context.getBean("ownDenied"));
		});
	}

	@Test
	void jwkSetRouteCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("palisade.tokens.jwks.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RouterFunction.class));
	}

	@Test
	void notAWebApplicationMeansNoChain() {
		new org.springframework.boot.test.context.runner.ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PalisadeTokenAutoConfiguration.class,
					PalisadeWebSecurityAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SecurityFilterChain.class)
				.doesNotHaveBean(ProblemAuthenticationEntryPoint.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChain {

		@Bean
		SecurityFilterChain ownChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().denyAll()).build();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHandlers {

		@Bean
		ProblemAuthenticationEntryPoint ownEntryPoint() {
			return new ProblemAuthenticationEntryPoint("own");
		}

		@Bean
		ProblemAccessDeniedHandler ownDenied() {
			return new ProblemAccessDeniedHandler("own");
		}
	}
}
