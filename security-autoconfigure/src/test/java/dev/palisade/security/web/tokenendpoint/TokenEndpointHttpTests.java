package dev.palisade.security.web.tokenendpoint;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;
import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.crypto.password.BcryptHasher;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.user.PalisadeUser;
import dev.palisade.security.user.PalisadeUserDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A new application with the starter, a {@link PalisadeUserDirectory} bean and one configured
 * service account, and no {@code public-paths} or rules for the token endpoint: every grant,
 * revocation and sign-out everywhere work, and every bad request gets its RFC 6749 answer.
 */
@SpringBootTest(classes = TokenEndpointHttpTests.NewApplication.class,
		properties = { "palisade.tokens.issuer=https://issuer.test", "palisade.tokens.audiences=api",
				"palisade.access.default-policy=deny",
				"palisade.access.rules[0].pattern=/api/me", "palisade.access.rules[0].access=authenticated" })
@AutoConfigureMockMvc
class TokenEndpointHttpTests {

	static final String ALICE_PASSWORD = "correct horse battery staple";

	static final String RUNNER_SECRET = "runner-secret:with%odd&chars";

	static final BcryptHasher BCRYPT = new BcryptHasher(new BcryptHasher.Parameters(10));

	@DynamicPropertySource
	static void serviceAccount(DynamicPropertyRegistry registry) {
		// one source for the whole list: Boot binds an indexed list from a single property source
		registry.add("palisade.token-endpoint.clients[0].client-id", () -> "runner");
		registry.add("palisade.token-endpoint.clients[0].org", () -> "acme");
		registry.add("palisade.token-endpoint.clients[0].roles", () -> "org:member");
		registry.add("palisade.token-endpoint.clients[0].plan", () -> "pro");
		registry.add("palisade.token-endpoint.clients[0].secret-hash", () -> "{bcrypt}" + BCRYPT.hash(RUNNER_SECRET));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordingAudit audit;

	@BeforeEach
	void clearAudit() {
		this.audit.events.clear();
	}

	@Test
	void passwordGrantSignsInWithoutAnyAccessConfiguration() throws Exception {
		Map<String, Object> tokens = signIn("alice", ALICE_PASSWORD);
		assertThat(tokens).containsEntry("token_type", "Bearer").containsKeys("access_token", "refresh_token");
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get("access_token")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("alice"))
			.andExpect(jsonPath("$.kind").value("user"))
			.andExpect(jsonPath("$.org").value("acme"));
		assertThat(this.audit.actions()).contains(AuditActions.PASSWORD_AUTHENTICATE);
	}

	@Test
	void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
		String wrong = this.mvc.perform(form("grant_type=password&username=alice&password=nope"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andReturn().getResponse().getContentAsString();
		String unknown = this.mvc.perform(form("grant_type=password&username=mallory&password=nope"))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();
		assertThat(wrong).isEqualTo(unknown).isEqualTo("{\"error\":\"invalid_grant\"}");
		assertThat(this.audit.events).hasSize(2).allSatisfy((event) -> assertThat(event.result().name()).isEqualTo("FAILURE"));
	}

	@Test
	void refreshRotatesAndAReplayEndsTheSignIn() throws Exception {
		Map<String, Object> first = signIn("alice", ALICE_PASSWORD);
		Map<String, Object> second = refresh(first.get("refresh_token"));
		assertThat(second.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
		this.mvc.perform(form("grant_type=refresh_token&refresh_token=" + first.get("refresh_token")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_grant"));
		this.mvc.perform(form("grant_type=refresh_token&refresh_token=" + second.get("refresh_token")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_grant"));
	}

	@Test
	void theJsonFormWorksAndAnUnreadableBodyIsInvalidRequest() throws Exception {
		this.mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"grant_type\":\"password\",\"username\":\"alice\",\"password\":\"" + ALICE_PASSWORD + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.access_token").isNotEmpty());
		this.mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"grant_type\":"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_request"));
	}

	@Test
	void clientCredentialsWithHttpBasicIssueAServiceTokenAndNoRefreshToken() throws Exception {
		String token = this.mvc.perform(form("grant_type=client_credentials").header(HttpHeaders.AUTHORIZATION,
				basic("runner", RUNNER_SECRET)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.refresh_token").doesNotExist())
			.andReturn().getResponse().getContentAsString();
		String accessToken = JsonPath.read(token, "$.access_token");
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("runner"))
			.andExpect(jsonPath("$.kind").value("service"))
			.andExpect(jsonPath("$.org").value("acme"));
	}

	@Test
	void clientCredentialsInTheBodyWork() throws Exception {
		this.mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "client_credentials")
			.param("client_id", "runner")
			.param("client_secret", RUNNER_SECRET))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.access_token").isNotEmpty());
	}

	@Test
	void aFailedClientAuthenticationIsInvalidClientWithABasicChallengeOnlyForBasic() throws Exception {
		this.mvc.perform(form("grant_type=client_credentials").header(HttpHeaders.AUTHORIZATION,
				basic("runner", "wrong")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"palisade\""))
			.andExpect(jsonPath("$.error").value("invalid_client"));
		this.mvc.perform(form("grant_type=client_credentials").header(HttpHeaders.AUTHORIZATION,
				basic("nobody", "wrong")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("invalid_client"));
		this.mvc.perform(form("grant_type=client_credentials&client_id=runner&client_secret=wrong"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE))
			.andExpect(jsonPath("$.error").value("invalid_client"));
		this.mvc.perform(form("grant_type=client_credentials"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("invalid_client"));
	}

	@Test
	void twoClientAuthenticationMethodsOrAMalformedBasicHeaderAreInvalidRequest() throws Exception {
		this.mvc.perform(form("grant_type=client_credentials&client_id=runner&client_secret=" + RUNNER_SECRET)
			.header(HttpHeaders.AUTHORIZATION, basic("runner", RUNNER_SECRET)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_request"));
		for (String header : List.of("Basic !!!not-base64", "Basic " + b64("no-colon"), "Basic " + b64("%zz:x"),
				"Basic " + b64(":secret"))) {
			this.mvc.perform(form("grant_type=client_credentials").header(HttpHeaders.AUTHORIZATION, header))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.error").value("invalid_request"));
		}
	}

	@Test
	void otherGrantsAndRepeatedParametersAreRefused() throws Exception {
		this.mvc.perform(form("grant_type=authorization_code&code=x"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("unsupported_grant_type"));
		this.mvc.perform(form("grant_type=PASSWORD&username=alice&password=" + ALICE_PASSWORD))
			.andExpect(jsonPath("$.error").value("unsupported_grant_type"));
		this.mvc.perform(form("grant_type=password&username=alice&username=bob&password=x"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_request"));
		this.mvc.perform(form("username=alice&password=x"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("invalid_request"));
	}

	@Test
	void revocationIsPublicAndEndsTheRefreshFamily() throws Exception {
		Map<String, Object> tokens = signIn("alice", ALICE_PASSWORD);
		this.mvc.perform(post("/auth/revoke").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("token", (String) tokens.get("refresh_token")))
			.andExpect(status().isOk());
		this.mvc.perform(form("grant_type=refresh_token&refresh_token=" + tokens.get("refresh_token")))
			.andExpect(jsonPath("$.error").value("invalid_grant"));
		this.mvc.perform(post("/auth/revoke").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("token", "never-issued"))
			.andExpect(status().isOk());
	}

	@Test
	void logoutEverywhereNeedsACallerAndKillsItsAccessToken() throws Exception {
		this.mvc.perform(post("/auth/logout-all")).andExpect(status().isUnauthorized());
		Map<String, Object> tokens = signIn("alice", ALICE_PASSWORD);
		String bearer = "Bearer " + tokens.get("access_token");
		this.mvc.perform(post("/auth/logout-all").header(HttpHeaders.AUTHORIZATION, bearer))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(status().isUnauthorized());
		this.mvc.perform(form("grant_type=refresh_token&refresh_token=" + tokens.get("refresh_token")))
			.andExpect(jsonPath("$.error").value("invalid_grant"));
	}

	@Test
	void aRoleChangeTakesEffectAtTheNextRefreshAndARemovedUserCannotRefresh(@Autowired Users users)
			throws Exception {
		users.put(new PalisadeUser("carol", "{bcrypt}" + BCRYPT.hash("carol-pw"), "acme", null, Set.of("org:member"),
				null));
		Map<String, Object> tokens = signIn("carol", "carol-pw");
		users.put(new PalisadeUser("carol", "{bcrypt}" + BCRYPT.hash("carol-pw"), "globex", null,
				Set.of("org:member"), null));
		Map<String, Object> refreshed = refresh(tokens.get("refresh_token"));
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + refreshed.get("access_token")))
			.andExpect(jsonPath("$.org").value("globex"));
		users.remove("carol");
		this.mvc.perform(form("grant_type=refresh_token&refresh_token=" + refreshed.get("refresh_token")))
			.andExpect(jsonPath("$.error").value("invalid_grant"));
	}

	private Map<String, Object> signIn(String username, String password) throws Exception {
		String body = this.mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "password")
			.param("username", username)
			.param("password", password))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$");
	}

	private Map<String, Object> refresh(Object refreshToken) throws Exception {
		String body = this.mvc.perform(form("grant_type=refresh_token&refresh_token=" + refreshToken))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$");
	}

	private static MockHttpServletRequestBuilder form(String body) {
		return post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body);
	}

	private static String basic(String id, String secret) {
		return "Basic " + b64(java.net.URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
				+ java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8));
	}

	private static String b64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A fresh application: the starter, a user directory, one endpoint. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(NewApplication.Me.class)
	static class NewApplication {

		@Bean
		Users users() {
			Users users = new Users();
			users.put(new PalisadeUser("alice", "{bcrypt}" + BCRYPT.hash(ALICE_PASSWORD), "acme", null,
					Set.of("org:admin"), "pro"));
			return users;
		}

		@Bean
		RecordingAudit recordingAudit() {
			return new RecordingAudit();
		}

		@RestController
		static class Me {

			@GetMapping("/api/me")
			Map<String, Object> me(@AuthenticationPrincipal PalisadePrincipal me) {
				return Map.of("subject", me.subject(), "kind", me.kind().wireName(), "org", String.valueOf(me.org()));
			}
		}
	}

	/** A user directory the tests change while the application runs. */
	static class Users implements PalisadeUserDirectory {

		private final Map<String, PalisadeUser> users = new java.util.concurrent.ConcurrentHashMap<>();

		void put(PalisadeUser user) {
			this.users.put(user.username(), user);
		}

		void remove(String username) {
			this.users.remove(username);
		}

		@Override
		public Optional<PalisadeUser> findByUsername(String username) {
			return Optional.ofNullable(this.users.get(username));
		}
	}

	/** Replaces the file audit log, so the test sees what the endpoint recorded. */
	static class RecordingAudit implements AuditRecorder {

		final List<AuditEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void record(AuditEvent event) {
			this.events.add(event);
		}

		List<String> actions() {
			return this.events.stream().map(AuditEvent::action).toList();
		}
	}
}
