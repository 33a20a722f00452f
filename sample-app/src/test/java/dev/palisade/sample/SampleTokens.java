package dev.palisade.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signs the demo users in once per test class through the real token endpoint. */
final class SampleTokens {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	private final MockMvc mvc;

	SampleTokens(MockMvc mvc) {
		this.mvc = mvc;
	}

	String bearer(String username) {
		return "Bearer " + this.tokens.computeIfAbsent(username, this::signIn);
	}

	private String signIn(String username) {
		try {
			String body = this.mvc
				.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.param("grant_type", "password")
					.param("username", username)
					.param("password", username + "-password"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			return (String) JSON.readValue(body, Map.class).get("access_token");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
