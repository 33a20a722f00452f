package dev.palisade.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Refresh tokens, RFC 7009 revocation and sign-out everywhere over HTTP. Debug logging is on for
 * Spring Web, Spring Security and Palisade so the log test sees everything they would print.
 */
@SpringBootTest(properties = { "palisade.tokens.signing.directory=target/test-keys",
		"logging.level.org.springframework.web=DEBUG", "logging.level.org.springframework.security=DEBUG",
		"logging.level.dev.palisade=TRACE" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class RefreshAndRevocationHttpTests {

	private static final String INVALID_GRANT = "{\"error\":\"invalid_grant\"}";

	@Autowired
	MockMvc mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void passwordGrantReturnsARefreshToken() throws Exception {
		this.mvc.perform(passwordGrant("acme-dev"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(jsonPath("$.access_token").isString())
			.andExpect(jsonPath("$.refresh_token").value(org.hamcrest.Matchers.matchesPattern("palrt_[A-Za-z0-9_-]{64}")));
	}

	@Test
	void refreshRotatesAndAReplayKillsTheWholeFamily() throws Exception {
		Tokens first = signIn("acme-dev");
		Tokens second = tokens(refresh(first.refresh()).andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(jsonPath("$.token_type").value("Bearer")));
		assertThat(second.refresh()).isNotEqualTo(first.refresh());
		this.mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + second.access()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("acme-dev"))
			.andExpect(jsonPath("$.org").value("acme"))
			.andExpect(jsonPath("$.project").value("p1"));

		refresh(first.refresh()).andExpect(status().isBadRequest()).andExpect(content().json(INVALID_GRANT, true));
		// reuse detection: the family is dead, so the newest token fails too, with the same answer
		refresh(second.refresh()).andExpect(status().isBadRequest()).andExpect(content().json(INVALID_GRANT, true));
	}

	@Test
	void refreshWorksAsJsonToo() throws Exception {
		Tokens first = signIn("globex-viewer");
		this.mvc
			.perform(post("/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + first.refresh() + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.refresh_token").isString());
	}

	@ParameterizedTest(name = "[{0}]")
	@ValueSource(strings = { "", "garbage", "palrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"palrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "palrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%",
			"eyJhbGciOiJub25lIn0.e30." })
	void badRefreshTokensAreInvalidGrantWithTheSameBody(String token) throws Exception {
		refresh(token).andExpect(status().isBadRequest())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(content().json(INVALID_GRANT, true));
	}

	@Test
	void refreshWithoutATokenIsInvalidRequest() throws Exception {
		this.mvc
			.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("grant_type", "refresh_token"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_request"));
	}

	@Test
	void revokingARefreshTokenEndsItsFamily() throws Exception {
		Tokens first = signIn("acme-admin");
		Tokens second = tokens(refresh(first.refresh()).andExpect(status().isOk()));
		revoke(first.refresh(), "refresh_token").andExpect(status().isOk());
		refresh(second.refresh()).andExpect(status().isBadRequest()).andExpect(content().json(INVALID_GRANT, true));
	}

	@Test
	void revokingAnAccessTokenRefusesItBeforeItsExpiry() throws Exception {
		Tokens tokens = signIn("acme-admin");
		me(tokens.access()).andExpect(status().isOk());
		revoke(tokens.access(), null).andExpect(status().isOk());
		me(tokens.access()).andExpect(status().isUnauthorized());
		refresh(tokens.refresh()).andExpect(status().isOk()); // the sign-in itself lives on
	}

	@ParameterizedTest(name = "[{0}]")
	@ValueSource(strings = { "unknown", "palrt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "eyJhbGciOiJub25lIn0.e30." })
	void revokingAnUnknownTokenIsStill200(String token) throws Exception {
		revoke(token, "access_token").andExpect(status().isOk()).andExpect(content().string(""));
	}

	@Test
	void revokeWithoutATokenIsInvalidRequest() throws Exception {
		this.mvc.perform(post("/auth/revoke").contentType(MediaType.APPLICATION_FORM_URLENCODED))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_request"));
	}

	@Test
	void logoutAllEndsEveryFamilyAndTheCurrentAccessToken() throws Exception {
		Tokens laptop = signIn("platform-admin");
		Tokens phone = signIn("platform-admin");
		Tokens bystander = signIn("acme-dev");
		this.mvc.perform(post("/auth/logout-all").header(HttpHeaders.AUTHORIZATION, "Bearer " + laptop.access()))
			.andExpect(status().isNoContent());
		me(laptop.access()).andExpect(status().isUnauthorized());
		refresh(laptop.refresh()).andExpect(status().isBadRequest()).andExpect(content().json(INVALID_GRANT, true));
		refresh(phone.refresh()).andExpect(status().isBadRequest()).andExpect(content().json(INVALID_GRANT, true));
		refresh(bystander.refresh()).andExpect(status().isOk());
	}

	@Test
	void logoutAllNeedsAnAccessToken() throws Exception {
		this.mvc.perform(post("/auth/logout-all")).andExpect(status().isUnauthorized());
	}

	@Test
	void noTokenEverReachesTheLog(CapturedOutput output) throws Exception {
		List<String> secrets = new ArrayList<>();
		Tokens first = signIn("acme-dev");
		secrets.add(first.access());
		secrets.add(first.refresh());
		Tokens second = tokens(refresh(first.refresh()));
		secrets.add(second.access());
		secrets.add(second.refresh());
		refresh(first.refresh()); // reuse
		me(second.access());
		revoke(second.access(), null);
		me(second.access()); // refused
		revoke(second.refresh(), null);
		this.mvc.perform(post("/auth/logout-all").header(HttpHeaders.AUTHORIZATION, "Bearer " + first.access()));
		assertThat(output.getAll()).contains("/auth/token"); // debug logging is really on
		for (String secret : secrets) {
			assertThat(output.getAll()).doesNotContain(secret);
			assertThat(output.getAll()).doesNotContain(secret.substring(secret.length() - 20));
		}
	}

	private org.springframework.test.web.servlet.RequestBuilder passwordGrant(String username) {
		return post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "password")
			.param("username", username)
			.param("password", username + "-password");
	}

	private Tokens signIn(String username) throws Exception {
		return tokens(this.mvc.perform(passwordGrant(username)).andExpect(status().isOk()));
	}

	private ResultActions refresh(String refreshToken) throws Exception {
		return this.mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "refresh_token")
			.param("refresh_token", refreshToken));
	}

	private ResultActions revoke(String token, String hint) throws Exception {
		var request = post("/auth/revoke").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("token", token);
		if (hint != null) {
			request.param("token_type_hint", hint);
		}
		return this.mvc.perform(request);
	}

	private ResultActions me(String accessToken) throws Exception {
		return this.mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken));
	}

	@SuppressWarnings("unchecked")
	private Tokens tokens(ResultActions result) throws Exception {
		Map<String, Object> body = this.json.readValue(result.andReturn().getResponse().getContentAsString(), Map.class);
		return new Tokens((String) body.get("access_token"), (String) body.get("refresh_token"));
	}

	record Tokens(String access, String refresh) {
	}
}
