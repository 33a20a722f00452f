package dev.palisade.security.web.tokenendpoint;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.palisade.security.crypto.password.BcryptHasher;
import dev.palisade.security.token.AccessTokenVerifier;
import dev.palisade.security.token.VerifiedAccessToken;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An application whose users live in its own {@code UserDetailsService}: they sign in at the
 * starter's token endpoint with their authorities as roles, a disabled account is refused like an
 * unknown one, a weaker stored hash is upgraded through {@code UserDetailsPasswordService}, and a
 * grant switched off in YAML is {@code unsupported_grant_type}. Their sign-in at the web UI's form
 * is throttled with no way round it through the global {@code AuthenticationManager} Spring
 * Security builds from that {@code UserDetailsService}.
 */
@SpringBootTest(classes = UserDetailsServiceTokenEndpointHttpTests.UserDetailsApplication.class,
		properties = { "palisade.tokens.issuer=https://issuer.test", "palisade.tokens.audiences=api",
				"palisade.token-endpoint.grant-types=password", "palisade.session.enabled=true",
				"palisade.rate-limit.sign-in.base-delay=10m", "palisade.rate-limit.sign-in.max-delay=10m" })
@AutoConfigureMockMvc
class UserDetailsServiceTokenEndpointHttpTests {

	static final BcryptHasher BCRYPT = new BcryptHasher(new BcryptHasher.Parameters(10));

	@Autowired
	MockMvc mvc;

	@Autowired
	InMemoryUserDetailsManager users;

	@Autowired
	AccessTokenVerifier verifier;

	@Test
	void aUserDetailsUserSignsInWithAuthoritiesAsRolesAndTheHashIsUpgraded() throws Exception {
		String body = this.mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "password")
			.param("username", "ops")
			.param("password", "ops-password"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Map<String, Object> tokens = JsonPath.read(body, "$");
		VerifiedAccessToken token = this.verifier.verify((String) tokens.get("access_token"));
		assertThat(token.principal().subject()).isEqualTo("ops");
		assertThat(token.principal().roles()).containsExactly("platform:admin");
		assertThat(token.principal().org()).isNull();
		assertThat(this.users.loadUserByUsername("ops").getPassword()).as("bcrypt upgraded to the default")
			.startsWith("{argon2id}");
	}

	@Test
	void aDisabledAccountGetsTheAnswerOfAWrongPassword() throws Exception {
		this.mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "password")
			.param("username", "gone")
			.param("password", "gone-password"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_grant"));
	}

	@Test
	void aGrantLeftOutOfGrantTypesIsUnsupported() throws Exception {
		this.mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "refresh_token")
			.param("refresh_token", "anything"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("unsupported_grant_type"));
	}

	@Test
	void aThrottledUiSignInIsNotCheckedAgainByTheUserDetailsServicesProvider() throws Exception {
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(post("/app/login").with(csrf()).param("username", "ui").param("password", "wrong"))
				.andExpect(redirectedUrl("/app/login?error"));
		}
		// the right password now: turned away unchecked, not signed in by a second provider
		this.mvc.perform(post("/app/login").with(csrf()).param("username", "ui").param("password", "ui-password"))
			.andExpect(redirectedUrl("/app/login?throttled"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class UserDetailsApplication {

		@Bean
		InMemoryUserDetailsManager userDetailsService() {
			return new InMemoryUserDetailsManager(
					User.withUsername("ops").password("{bcrypt}" + BCRYPT.hash("ops-password")).roles("platform:admin").build(),
					User.withUsername("ui").password("{bcrypt}" + BCRYPT.hash("ui-password")).roles("org:member").build(),
					User.withUsername("gone")
						.password("{bcrypt}" + BCRYPT.hash("gone-password"))
						.roles("platform:admin")
						.disabled(true)
						.build());
		}
	}
}
