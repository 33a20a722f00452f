package dev.palisade.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "palisade.tokens.signing.directory=target/test-keys")
@AutoConfigureMockMvc
class AuthAndMeHttpTests {

	@Autowired
	MockMvc mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	String signIn(String username) throws Exception {
		String body = this.mvc
			.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("grant_type", "password")
				.param("username", username)
				.param("password", username + "-password"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return (String) this.json.readValue(body, Map.class).get("access_token");
	}

	@Test
	void formSignInReturnsABearerToken() throws Exception {
		this.mvc
			.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("grant_type", "password")
				.param("username", "acme-dev")
				.param("password", "acme-dev-password"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(jsonPath("$.token_type").value("Bearer"))
			.andExpect(jsonPath("$.expires_in").value(greaterThan(890)))
			.andExpect(jsonPath("$.access_token").isString());
	}

	@Test
	void jsonSignInWorksToo() throws Exception {
		this.mvc
			.perform(post("/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"grant_type\":\"password\",\"username\":\"globex-viewer\",\"password\":\"globex-viewer-password\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.access_token").isString());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			wrong password        | grant_type=password&username=acme-dev&password=nope              | invalid_grant
			unknown user          | grant_type=password&username=mallory&password=acme-dev-password  | invalid_grant
			missing password      | grant_type=password&username=acme-dev                            | invalid_request
			empty username        | grant_type=password&username=&password=x                         | invalid_request
			blank username        | grant_type=password&username=%20%09%20&password=x                | invalid_request
			missing grant type    | username=acme-dev&password=acme-dev-password                     | invalid_request
			other grant type      | grant_type=client_credentials&username=a&password=b              | unsupported_grant_type
			repeated parameter    | grant_type=password&username=acme-dev&username=x&password=y      | invalid_request
			""")
	void badSignInsGetRfc6749Errors(String description, String form, String error) throws Exception {
		this.mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value(error))
			.andExpect(jsonPath("$.error_description").doesNotExist());
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "", " ", "\\t\\n " })
	void blankUsernameInJsonIsInvalidRequestNotAServerError(String username) throws Exception {
		this.mvc
			.perform(post("/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"grant_type\":\"password\",\"username\":\"" + username + "\",\"password\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_request"));
	}

	@Test
	void malformedJsonIsInvalidRequestNotAServerError() throws Exception {
		this.mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"grant_type\":"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_request"));
	}

	@Test
	void aLongPasswordIsRefusedLikeAWrongOneAndAMegabyteBodyIsNotRead() throws Exception {
		this.mvc
			.perform(post("/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"grant_type\":\"password\",\"username\":\"acme-dev\",\"password\":\"" + "x".repeat(200_000)
						+ "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_grant"));
		// over the sample's palisade.network.limits.max-body-size (256KB): refused before the endpoint
		this.mvc
			.perform(post("/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"grant_type\":\"password\",\"username\":\"acme-dev\",\"password\":\"" + "x".repeat(1_000_000)
						+ "\"}"))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentType("application/problem+json"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			platform-admin | -      | -  | platform:admin
			acme-admin     | acme   | -  | org:admin
			acme-dev       | acme   | p1 | project:developer
			globex-viewer  | globex | -  | org:member
			""")
	void meShowsEachDemoUser(String username, String org, String project, String role) throws Exception {
		String token = signIn(username);
		this.mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value(username))
			.andExpect(jsonPath("$.kind").value("user"))
			.andExpect(jsonPath("$.org").value(org))
			.andExpect(jsonPath("$.project").value(project))
			.andExpect(jsonPath("$.roles").value(hasItem(role)));
	}

	@Test
	void meWithoutATokenIs401Problem() throws Exception {
		this.mvc.perform(get("/api/v1/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"palisade-sample\""));
	}

	@Test
	void pingIsPublic() throws Exception {
		this.mvc.perform(get("/api/v1/ping")).andExpect(status().isOk()).andExpect(content().string("pong"));
	}

	@Test
	void jwkSetIsPublic() throws Exception {
		this.mvc.perform(get("/.well-known/jwks.json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.keys[0].kty").value("EC"))
			.andExpect(jsonPath("$.keys[0].d").doesNotExist());
	}
}
