package dev.palisade.security.web;

import java.util.Set;

import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An application that writes its own chain and applies {@link PalisadeHttpConfigurer} to it. */
@SpringBootTest(classes = { TestApplication.class, UserDefinedChainHttpTests.OwnChain.class })
@AutoConfigureMockMvc
class UserDefinedChainHttpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccessTokenIssuer issuer;

	@Autowired
	ApplicationContext context;

	@Test
	void palisadesDefaultChainBacksOff() {
		assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("ownChain");
	}

	@Test
	void theConfigurerAuthenticatesBearerTokensInTheApplicationsChain() throws Exception {
		String token = this.issuer
			.issue(new AccessTokenRequest("bob", PrincipalKind.USER, null, null, Set.of(), Set.of(), null))
			.value();
		MvcResult result = this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getRequest().getSession(false)).as("the chain is stateless").isNull();
		this.mvc.perform(get("/api/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType("application/problem+json"));
		this.mvc.perform(get("/open/ping")).andExpect(status().isOk());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnChain {

		@Bean
		SecurityFilterChain ownChain(HttpSecurity http) throws Exception {
			http.with(PalisadeHttpConfigurer.palisade(), Customizer.withDefaults());
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/open/**")
				.permitAll()
				.anyRequest()
				.authenticated());
			return http.build();
		}
	}
}
