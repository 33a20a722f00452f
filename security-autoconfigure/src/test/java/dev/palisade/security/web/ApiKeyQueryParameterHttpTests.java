package dev.palisade.security.web;

import java.util.Set;

import dev.palisade.security.apikey.ApiKeyCreateRequest;
import dev.palisade.security.apikey.ApiKeyService;
import dev.palisade.security.principal.PrincipalKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A key in the URL is accepted only under the parameter name the application opted in to. */
@SpringBootTest(classes = TestApplication.class,
		properties = { "palisade.access.rules[0].pattern=/api/me", "palisade.access.rules[0].access=authenticated", "palisade.api-keys.query-parameter=api_key", "palisade.api-keys.header-name=X-Service-Key" })
@AutoConfigureMockMvc
class ApiKeyQueryParameterHttpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiKeyService keys;

	private String key() {
		return this.keys
			.create(new ApiKeyCreateRequest("ci", "alice", PrincipalKind.USER, "acme", null, Set.of(), null), Set.of())
			.plaintext();
	}

	@Test
	void optedInQueryParameterAuthenticates() throws Exception {
		this.mvc.perform(get("/api/me").queryParam("api_key", key()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("api_key"));
	}

	@Test
	void otherParameterNamesAndFormBodiesAreIgnored() throws Exception {
		String key = key();
		this.mvc.perform(get("/api/me").queryParam("apikey", key)).andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/api/me").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("api_key=" + key))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void repeatedParameterOrParameterWithHeaderIsRefused() throws Exception {
		String key = key();
		this.mvc.perform(get("/api/me").queryParam("api_key", key, key)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/me").queryParam("api_key", key).header("X-Service-Key", key))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void configuredHeaderNameReplacesTheDefault() throws Exception {
		String key = key();
		this.mvc.perform(get("/api/me").header("X-Service-Key", key)).andExpect(status().isOk());
		this.mvc.perform(get("/api/me").header("X-API-Key", key)).andExpect(status().isUnauthorized());
	}
}
