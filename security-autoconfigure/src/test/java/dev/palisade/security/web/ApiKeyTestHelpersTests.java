package dev.palisade.security.web;

import dev.palisade.security.test.WithMockApiKey;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static dev.palisade.security.test.PalisadeRequestPostProcessors.apiKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The test helpers Palisade ships for its users: {@code @WithMockApiKey} and {@code apiKey()}. */
@SpringBootTest(classes = TestApplication.class,
		properties = { "palisade.access.public-paths=/open/**", "palisade.access.rules[0].pattern=/api/me", "palisade.access.rules[0].access=authenticated", "palisade.tokens.issuer=https://issuer.test",
				"palisade.tokens.audiences=api" })
@AutoConfigureMockMvc
class ApiKeyTestHelpersTests {

	@Autowired
	MockMvc mvc;

	@Test
	@WithMockApiKey(keyId = "k1", org = "acme", project = "p1", scopes = "agents:write")
	void withMockApiKeyRunsTheRequestAsAnApiKeyPrincipal() throws Exception {
		PalisadeAuthentication authentication = (PalisadeAuthentication) SecurityContextHolder.getContext()
			.getAuthentication();
		assertThat(authentication.getPrincipal().org()).isEqualTo("acme");
		assertThat(authentication.getPrincipal().project()).isEqualTo("p1");
		assertThat(authentication.getPrincipal().roles()).isEmpty();
		this.mvc.perform(get("/api/me"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("k1"))
			.andExpect(jsonPath("$.kind").value("api_key"));
		this.mvc.perform(get("/api/agents/write-check")).andExpect(status().isOk());
	}

	@Test
	@WithMockApiKey(org = "acme", scopes = "agents:read")
	void withMockApiKeyScopesAreTheOnlyAuthorities() throws Exception {
		this.mvc.perform(get("/api/agents/write-check")).andExpect(status().isForbidden());
	}

	@Test
	void postProcessorAuthenticatesOneRequestWithTheGivenScopes() throws Exception {
		this.mvc.perform(get("/api/me").with(apiKey().keyId("k2").org("acme")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("k2"))
			.andExpect(jsonPath("$.kind").value("api_key"));
		this.mvc.perform(get("/api/agents/write-check").with(apiKey().org("acme").scopes("agents:write")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/agents/write-check").with(apiKey().org("acme").scopes("agents:read")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
	}
}
