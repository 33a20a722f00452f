package dev.palisade.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// the sample's demo rate limits are tested in RateLimitSampleHttpTests; here they would only get in the way
@SpringBootTest(properties = { "palisade.tokens.signing.directory=target/test-keys", "palisade.rate-limit.enabled=false",
		"palisade.audit.path=target/audit-sample-tests" })
@AutoConfigureMockMvc
class AdminAuditHttpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccessTokenIssuer issuer;

	@Autowired
	AuditEventRepository repository;

	@Value("${palisade.audit.path}")
	Path auditPath;

	private final JsonMapper json = JsonMapper.builder().build();

	private String bearer(String subject, String org, Set<String> roles) {
		return "Bearer " + this.issuer
			.issue(new AccessTokenRequest(subject, PrincipalKind.USER, org, null, roles, Set.of(), null))
			.value();
	}

	private void signIn(String username, String password, int status) throws Exception {
		this.mvc
			.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("grant_type", "password")
				.param("username", username)
				.param("password", password))
			.andExpect(status().is(status));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> page(int page, int size) throws Exception {
		String body = this.mvc
			.perform(get("/api/v1/admin/audit").param("page", String.valueOf(page))
				.param("size", String.valueOf(size))
				.header(HttpHeaders.AUTHORIZATION, bearer("auditor", null, Set.of("platform:admin"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return (List<Map<String, Object>>) this.json.readValue(body, Map.class).get("items");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> event(Map<String, Object> item) {
		return (Map<String, Object>) item.get("event");
	}

	@Test
	void signInSuccessAndFailureAreAuditedWithoutThePassword() throws Exception {
		signIn("acme-dev", "acme-dev-password", 200);
		signIn("mallory", "guess-Secret-123", 400);

		List<Map<String, Object>> items = page(0, 50);
		assertThat(items).anySatisfy((item) -> {
			assertThat(event(item)).containsEntry("action", "password.authenticate").containsEntry("result", "success");
			assertThat(event(item).get("actor")).isEqualTo(Map.of("kind", "user", "id", "acme-dev", "org", "acme"));
		});
		assertThat(items).anySatisfy((item) -> {
			assertThat(event(item)).containsEntry("action", "password.authenticate")
				.containsEntry("result", "failure")
				.containsEntry("reasonCode", "bad_credentials");
			assertThat(event(item).get("details")).isEqualTo(Map.of("claimedName", "mallory"));
		});
		try (Stream<Path> files = Files.list(this.auditPath)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertThat(Files.readString(file)).doesNotContain("guess-Secret-123").doesNotContain("acme-dev-password");
			}
		}
		assertThat(this.repository.find("acme-dev", null, "password.authenticate")).isNotEmpty();
	}

	@Test
	void accessTokenRevocationAndRefreshTokenReuseAreAudited() throws Exception {
		String body = this.mvc
			.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("grant_type", "password")
				.param("username", "acme-dev")
				.param("password", "acme-dev-password"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Object> tokens = this.json.readValue(body, Map.class);
		String refresh = (String) tokens.get("refresh_token");
		for (int i = 0; i < 2; i++) { // the second use is a replay
			this.mvc.perform(post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("grant_type", "refresh_token")
				.param("refresh_token", refresh));
		}
		this.mvc
			.perform(post("/auth/revoke").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("token", (String) tokens.get("access_token")))
			.andExpect(status().isOk());
		List<Map<String, Object>> items = page(0, 20);
		assertThat(items).anySatisfy((item) -> assertThat(event(item)).containsEntry("action", "access_token.revoke"));
		assertThat(items).anySatisfy((item) -> assertThat(event(item)).containsEntry("action", "refresh_token.reuse"));
	}

	@Test
	void adminEndpointPagesNewestFirst() throws Exception {
		for (int i = 0; i < 5; i++) {
			signIn("globex-viewer", "wrong-" + i, 400);
		}
		List<Map<String, Object>> first = page(0, 2);
		List<Map<String, Object>> second = page(1, 2);
		assertThat(first).hasSize(2);
		assertThat(second).hasSize(2);
		long a = ((Number) first.get(0).get("seq")).longValue();
		assertThat(((Number) first.get(1).get("seq")).longValue()).isEqualTo(a - 1);
		// between the two reads up to three records were added (the first call's authentication, which takes
		// the batched path and may land after that call read the log, its admin.request, and the second
		// call's authentication, which may not be written yet), so page 1 starts two below the newest
		// record at that moment: from a - 2 to a + 1
		long b = ((Number) second.get(0).get("seq")).longValue();
		assertThat(b).isBetween(a - 2, a + 1);
		assertThat(((Number) second.get(1).get("seq")).longValue()).isEqualTo(b - 1);
	}

	@Test
	void adminEndpointNeedsAuditReadAndEveryCallIsAudited() throws Exception {
		this.mvc.perform(get("/api/v1/admin/audit").header(HttpHeaders.AUTHORIZATION, bearer("nosy", null, Set.of())))
			.andExpect(status().isForbidden());
		// audit:read in one org is not a right to the whole log, which holds every tenant's records
		this.mvc
			.perform(get("/api/v1/admin/audit").header(HttpHeaders.AUTHORIZATION,
					bearer("acme-admin", "acme", Set.of("org:admin"))))
			.andExpect(status().isForbidden());
		page(0, 1);
		List<Map<String, Object>> items = page(0, 20);
		assertThat(items).anySatisfy((item) -> {
			assertThat(event(item)).containsEntry("action", "authorize").containsEntry("result", "denied");
			assertThat(event(item).get("actor")).isEqualTo(Map.of("kind", "user", "id", "nosy"));
		});
		assertThat(items).anySatisfy((item) -> {
			assertThat(event(item)).containsEntry("action", "admin.request").containsEntry("result", "success");
			assertThat(event(item).get("actor")).isEqualTo(Map.of("kind", "user", "id", "auditor"));
			assertThat(event(item).get("resource")).isEqualTo(Map.of("type", "endpoint", "id", "/api/v1/admin/audit"));
		});
	}
}
