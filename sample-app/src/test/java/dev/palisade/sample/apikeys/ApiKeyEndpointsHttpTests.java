package dev.palisade.sample.apikeys;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The key management endpoints of the sample, end to end: sign in, create a key, call with it. */
@SpringBootTest(properties = "palisade.tokens.signing.directory=target/test-keys")
@AutoConfigureMockMvc
class ApiKeyEndpointsHttpTests {

	private static final String KEYS = "/api/v1/orgs/acme/api-keys";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private String signIn(String username) throws Exception {
		String body = this.mvc
			.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("grant_type", "password")
				.param("username", username)
				.param("password", username + "-password"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(body).get("access_token").asString();
	}

	private String bearer(String token) {
		return "Bearer " + token;
	}

	private JsonNode createKey(String token, String scopesJson) throws Exception {
		String body = this.mvc
			.perform(post(KEYS).header(HttpHeaders.AUTHORIZATION, bearer(token))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"ci\",\"scopes\":" + scopesJson + "}"))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(body);
	}

	@Test
	void createdKeyIsShownOnceAndCallsMeAsAnApiKey() throws Exception {
		JsonNode created = createKey(signIn("acme-admin"), "[\"agents:read\"]");
		String key = created.get("key").asString();
		assertThat(key).startsWith("pal_");
		assertThat(created.get("apiKey").get("maskedKey").asString()).isEqualTo("pal_..." + key.substring(key.length() - 4));
		assertThat(created.get("apiKey").get("owner").asString()).isEqualTo("acme-admin");
		for (String[] header : new String[][] { { "X-API-Key", key }, { HttpHeaders.AUTHORIZATION, "Bearer " + key } }) {
			this.mvc.perform(get("/api/v1/me").header(header[0], header[1]))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.kind").value("api_key"))
				.andExpect(jsonPath("$.subject").value(created.get("apiKey").get("id").asString()))
				.andExpect(jsonPath("$.org").value("acme"))
				.andExpect(jsonPath("$.permissions[0]").value("agents:read"))
				.andExpect(jsonPath("$.roles").isEmpty());
		}
	}

	@Test
	void aKeySpendsItsCreatorsPlanNotAnUnlimitedBudget() throws Exception {
		// acme-admin is on the pro plan (100/s and 100,000/day in application.yml)
		String key = createKey(signIn("acme-admin"), "[\"agents:read\"]").get("key").asString();
		this.mvc.perform(get("/api/v1/me").header("X-API-Key", key))
			.andExpect(status().isOk())
			.andExpect(header().string("X-RateLimit-Limit", "100"))
			.andExpect(header().string("X-RateLimit-Remaining", "99"));
	}

	@Test
	void listingIsMaskedAndNeverContainsAKey() throws Exception {
		String token = signIn("acme-admin");
		String key = createKey(token, "[\"agents:read\"]").get("key").asString();
		String listing = this.mvc.perform(get(KEYS).header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].maskedKey").value(hasItem("pal_..." + key.substring(key.length() - 4))))
			.andExpect(jsonPath("$[0].key").doesNotExist())
			.andExpect(jsonPath("$[0].hash").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String[] parts = key.split("_");
		assertThat(listing).doesNotContain(key).doesNotContain(parts[2]);
	}

	@Test
	void revokedKeyIsRefusedAtOnce() throws Exception {
		String token = signIn("acme-admin");
		JsonNode created = createKey(token, "[]");
		String key = created.get("key").asString();
		String id = created.get("apiKey").get("id").asString();
		this.mvc.perform(get("/api/v1/me").header("X-API-Key", key)).andExpect(status().isOk());
		this.mvc.perform(delete(KEYS + "/" + id).header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/me").header("X-API-Key", key))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer realm=\"palisade-sample\", error=\"invalid_token\""));
		this.mvc.perform(get(KEYS).header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].status").value(hasItem("revoked")));
	}

	@Test
	void rotatedKeyKeepsWorkingForTheGracePeriodThenStops() throws Exception {
		String token = signIn("acme-admin");
		JsonNode created = createKey(token, "[\"agents:read\"]");
		String oldKey = created.get("key").asString();
		String body = this.mvc
			.perform(post(KEYS + "/" + created.get("apiKey").get("id").asString() + "/rotate")
				.header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.apiKey.rotatedFrom").value(created.get("apiKey").get("id").asString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String newKey = this.json.readTree(body).get("key").asString();
		this.mvc.perform(get("/api/v1/me").header("X-API-Key", oldKey)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/me").header("X-API-Key", newKey)).andExpect(status().isOk());
		this.clock.advance(Duration.ofHours(24).plusSeconds(1));
		this.mvc.perform(get("/api/v1/me").header("X-API-Key", oldKey)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/me").header("X-API-Key", newKey)).andExpect(status().isOk());
	}

	@Test
	void scopeTheCreatorDoesNotHoldIs403() throws Exception {
		this.mvc
			.perform(post(KEYS).header(HttpHeaders.AUTHORIZATION, bearer(signIn("acme-admin")))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\",\"scopes\":[\"agents:read\",\"billing:write\"]}"))
			.andExpect(status().isForbidden())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/problem+json"))
			.andExpect(jsonPath("$.refusedScopes[0]").value("billing:write"));
		this.mvc
			.perform(post(KEYS).header(HttpHeaders.AUTHORIZATION, bearer(signIn("acme-admin")))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\",\"scopes\":[\"*\"]}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void anotherOrgsKeysAre403() throws Exception {
		String token = signIn("acme-admin");
		this.mvc.perform(get("/api/v1/orgs/globex/api-keys").header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/orgs/globex/api-keys").header(HttpHeaders.AUTHORIZATION, bearer(token))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\",\"scopes\":[]}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void callersWithoutTheManagePermissionAre403AndAnonymousCallers401() throws Exception {
		this.mvc.perform(get(KEYS).header(HttpHeaders.AUTHORIZATION, bearer(signIn("acme-dev"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(KEYS)).andExpect(status().isUnauthorized());
	}

	@Test
	void aKeyCannotMintKeysEvenWithTheManageScope() throws Exception {
		String key = createKey(signIn("acme-admin"), "[\"api-keys:manage\"]").get("key").asString();
		this.mvc.perform(get(KEYS).header("X-API-Key", key)).andExpect(status().isOk());
		this.mvc
			.perform(post(KEYS).header("X-API-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"child\",\"scopes\":[]}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void unknownOrOtherOrgKeyIdIs404() throws Exception {
		String token = signIn("acme-admin");
		this.mvc.perform(delete(KEYS + "/doesnotexist").header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isNotFound());
	}

	@Test
	void invalidRequestIs400() throws Exception {
		this.mvc
			.perform(post(KEYS).header(HttpHeaders.AUTHORIZATION, bearer(signIn("acme-admin")))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"scopes\":[]}"))
			.andExpect(status().isBadRequest());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			acme corp | acme%20corp
			"acme"    | %22acme%22
			{acme}    | %7Bacme%7D
			""")
	void orgWithCharactersAUriMustEncodeGetsAKeyAndAnEncodedLocation(String org, String encodedOrg) throws Exception {
		String token = signIn("platform-admin");
		var response = this.mvc
			.perform(post("/api/v1/orgs/{org}/api-keys", org).header(HttpHeaders.AUTHORIZATION, bearer(token))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"ci\",\"scopes\":[]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse();
		JsonNode created = this.json.readTree(response.getContentAsString());
		String id = created.get("apiKey").get("id").asString();
		assertThat(response.getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/orgs/" + encodedOrg + "/api-keys/" + id);
		this.mvc.perform(get("/api/v1/me").header("X-API-Key", created.get("key").asString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.org").value(org));
	}

	@Test
	void orgIdThatIsNoValidScopeIsRefusedBeforeAKeyIsMade() throws Exception {
		// blank: the method guard cannot build the org scope, so it denies before the controller runs
		this.mvc
			.perform(post("/api/v1/orgs/{org}/api-keys", " ").header(HttpHeaders.AUTHORIZATION,
					bearer(signIn("platform-admin")))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"ci\",\"scopes\":[]}"))
			.andExpect(status().isForbidden())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/problem+json"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		}
	}
}
