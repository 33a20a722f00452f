package dev.palisade.security.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.palisade.security.apikey.ApiKeyCreateRequest;
import dev.palisade.security.apikey.ApiKeyOutcome;
import dev.palisade.security.apikey.ApiKeyService;
import dev.palisade.security.apikey.GeneratedApiKey;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** API keys over HTTP in Palisade's default chain, beside JWT access tokens. */
@SpringBootTest(classes = { TestApplication.class, ApiKeyHttpTests.Config.class },
		properties = { "palisade.access.rules[0].pattern=/api/me", "palisade.access.rules[0].access=authenticated",
				"palisade.access.rules[1].pattern=/api/key-caller", "palisade.access.rules[1].access=authenticated",
				"palisade.api-keys.pepper=test-pepper-0123456789-0123456789-0123456789",
				"palisade.tokens.issuer=https://issuer.test", "palisade.tokens.audiences=api" })
@AutoConfigureMockMvc
class ApiKeyHttpTests {

	static final String REFUSED_CHALLENGE = "Bearer realm=\"palisade\", error=\"invalid_token\"";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiKeyService keys;

	@Autowired
	CountingApiKeyStore store;

	@Autowired
	MutableClock clock;

	@Autowired
	MeterRegistry meters;

	@Autowired
	AccessTokenIssuer issuer;

	@AfterEach
	void storeBackUp() {
		this.store.down.set(false);
	}

	private GeneratedApiKey createKey(Set<String> scopes, Duration ttl) {
		return this.keys.create(new ApiKeyCreateRequest("ci", "alice", PrincipalKind.USER, "acme", "p1", scopes, ttl),
				Set.of("agents:*"));
	}

	private static MockHttpServletRequestBuilder withHeader(String key) {
		return get("/api/key-caller").header("X-API-Key", key);
	}

	private static MockHttpServletRequestBuilder withBearer(String key) {
		return get("/api/key-caller").header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
	}

	private double count(ApiKeyOutcome outcome) {
		return this.meters.get("palisade.apikey.authentications")
			.tag("outcome", outcome.name().toLowerCase())
			.counter()
			.count();
	}

	@Test
	void keyInTheApiKeyHeaderAuthenticatesAsAnApiKeyPrincipalWithScopesAsPermissions() throws Exception {
		GeneratedApiKey key = createKey(Set.of("agents:read"), null);
		this.mvc.perform(withHeader(key.plaintext()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value(key.keyId()))
			.andExpect(jsonPath("$.kind").value("api_key"))
			.andExpect(jsonPath("$.org").value("acme"))
			.andExpect(jsonPath("$.project").value("p1"))
			.andExpect(jsonPath("$.permissions[0]").value("agents:read"))
			.andExpect(jsonPath("$.authorities[0]").value("agents:read"));
	}

	@Test
	void keySentAsBearerAuthenticatesToo() throws Exception {
		GeneratedApiKey key = createKey(Set.of("agents:read"), null);
		this.mvc.perform(withBearer(key.plaintext()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value(key.keyId()))
			.andExpect(jsonPath("$.kind").value("api_key"));
	}

	@Test
	void scopesAreAuthoritiesForMethodSecurity() throws Exception {
		String writer = createKey(Set.of("agents:write"), null).plaintext();
		String reader = createKey(Set.of("agents:read"), null).plaintext();
		this.mvc.perform(get("/api/agents/write-check").header("X-API-Key", writer)).andExpect(status().isOk());
		this.mvc.perform(get("/api/agents/write-check").header("X-API-Key", reader)).andExpect(status().isForbidden());
	}

	@Test
	void everyBadKeyGetsTheSame401BodyAndChallengeOverBothHeaders() throws Exception {
		GeneratedApiKey expiring = createKey(Set.of("agents:read"), Duration.ofHours(1));
		GeneratedApiKey revoked = createKey(Set.of("agents:read"), null);
		GeneratedApiKey genuine = createKey(Set.of("agents:read"), null);
		this.keys.revoke(revoked.keyId());
		this.clock.advance(Duration.ofHours(2));
		Map<ApiKeyOutcome, String> bad = new LinkedHashMap<>();
		bad.put(ApiKeyOutcome.MALFORMED, "pal_not-a-key");
		bad.put(ApiKeyOutcome.BAD_CHECKSUM, ApiKeys.withBadChecksum(genuine.plaintext()));
		bad.put(ApiKeyOutcome.UNKNOWN, ApiKeys.unknown("pal"));
		bad.put(ApiKeyOutcome.WRONG_SECRET, ApiKeys.withIdAndOtherSecret("pal", genuine.keyId()));
		bad.put(ApiKeyOutcome.EXPIRED, expiring.plaintext());
		bad.put(ApiKeyOutcome.REVOKED, revoked.plaintext());
		String expectedBody = null;
		for (Map.Entry<ApiKeyOutcome, String> attempt : bad.entrySet()) {
			for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
					withHeader(attempt.getValue()), withBearer(attempt.getValue()) }) {
				double before = count(attempt.getKey());
				MockHttpServletResponse response = this.mvc.perform(request)
					.andExpect(status().isUnauthorized())
					.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, REFUSED_CHALLENGE))
					.andReturn()
					.getResponse();
				String body = response.getContentAsString();
				if (expectedBody == null) {
					expectedBody = body;
				}
				assertThat(body).as(attempt.getKey().name()).isEqualTo(expectedBody);
				assertThat(body).doesNotContain(attempt.getValue());
				assertThat(count(attempt.getKey())).as("counter for " + attempt.getKey()).isEqualTo(before + 1);
			}
		}
		assertThat(expectedBody).contains("\"status\":401");
		this.mvc.perform(withHeader(genuine.plaintext())).andExpect(status().isOk());
	}

	@Test
	void successIsCountedAsValid() throws Exception {
		double before = count(ApiKeyOutcome.VALID);
		this.mvc.perform(withHeader(createKey(Set.of(), null).plaintext())).andExpect(status().isOk());
		assertThat(count(ApiKeyOutcome.VALID)).isEqualTo(before + 1);
		assertThat(this.meters.find("palisade.apikey.authentications").counters())
			.allSatisfy((counter) -> assertThat(counter.getId().getTags()).hasSize(1));
	}

	@Test
	void malformedAndMistypedKeysNeverReachTheStore() throws Exception {
		String genuine = createKey(Set.of(), null).plaintext();
		int before = this.store.finds.get();
		this.mvc.perform(withHeader("pal_garbage")).andExpect(status().isUnauthorized());
		this.mvc.perform(withHeader(ApiKeys.withBadChecksum(genuine))).andExpect(status().isUnauthorized());
		assertThat(this.store.finds.get()).isEqualTo(before);
	}

	@Test
	void oversizedHeaderIsRefusedWithoutTouchingTheStore() throws Exception {
		String genuine = createKey(Set.of(), null).plaintext();
		String oversized = genuine + "A".repeat(300);
		int before = this.store.finds.get();
		double malformed = count(ApiKeyOutcome.MALFORMED);
		this.mvc.perform(withHeader(oversized))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, REFUSED_CHALLENGE));
		this.mvc.perform(withBearer(oversized)).andExpect(status().isUnauthorized());
		assertThat(this.store.finds.get()).isEqualTo(before);
		assertThat(count(ApiKeyOutcome.MALFORMED)).isEqualTo(malformed + 2);
	}

	@Test
	void queryParameterIsIgnoredWhenNotEnabled() throws Exception {
		String genuine = createKey(Set.of(), null).plaintext();
		for (String name : new String[] { "api_key", "apiKey", "X-API-Key", "access_token" }) {
			this.mvc.perform(get("/api/key-caller").queryParam(name, genuine))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"palisade\""));
		}
	}

	@Test
	void twoCredentialsInOneRequestAreRefused() throws Exception {
		String genuine = createKey(Set.of(), null).plaintext();
		String jwt = jwt();
		this.mvc.perform(withHeader(genuine).header(HttpHeaders.AUTHORIZATION, "Bearer " + jwt))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(withHeader(genuine).header("X-API-Key", genuine)).andExpect(status().isUnauthorized());
	}

	@Test
	void jwtAccessTokensStillWorkBesideKeys() throws Exception {
		this.mvc.perform(get("/api/key-caller").header(HttpHeaders.AUTHORIZATION, "Bearer " + jwt()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("bob"))
			.andExpect(jsonPath("$.kind").value("user"));
		this.mvc.perform(get("/api/key-caller").header(HttpHeaders.AUTHORIZATION, "Bearer eyJnot.a.jwt"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, REFUSED_CHALLENGE));
	}

	@Test
	void revocationTakesEffectAtOnceOnThisNodeEvenWhenCached() throws Exception {
		GeneratedApiKey key = createKey(Set.of(), null);
		this.mvc.perform(withHeader(key.plaintext())).andExpect(status().isOk());
		this.mvc.perform(withHeader(key.plaintext())).andExpect(status().isOk());
		this.keys.revoke(key.keyId());
		this.mvc.perform(withHeader(key.plaintext())).andExpect(status().isUnauthorized());
	}

	@Test
	void rotatedKeyWorksDuringTheGracePeriodOnly() throws Exception {
		GeneratedApiKey old = createKey(Set.of("agents:read"), null);
		GeneratedApiKey replacement = this.keys.rotate(old.keyId(), Set.of("agents:read"));
		this.mvc.perform(withHeader(old.plaintext())).andExpect(status().isOk());
		this.mvc.perform(withHeader(replacement.plaintext())).andExpect(status().isOk());
		this.clock.advance(Duration.ofHours(24).plusSeconds(1));
		this.mvc.perform(withHeader(old.plaintext())).andExpect(status().isUnauthorized());
		this.mvc.perform(withHeader(replacement.plaintext())).andExpect(status().isOk());
	}

	@Test
	void storeFailureIs503ProblemNotA401OverBothHeaders() throws Exception {
		this.store.down.set(true);
		double before = this.meters.get("palisade.apikey.authentications")
			.tag("outcome", "store_unavailable")
			.counter()
			.count();
		for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
				withHeader(ApiKeys.unknown("pal")), withBearer(ApiKeys.unknown("pal")) }) {
			this.mvc.perform(request)
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/problem+json"))
				.andExpect(jsonPath("$.status").value(503))
				.andExpect(jsonPath("$.detail").value("The credential cannot be checked right now. Try again later."));
		}
		assertThat(this.meters.get("palisade.apikey.authentications")
			.tag("outcome", "store_unavailable")
			.counter()
			.count()).isEqualTo(before + 2);
	}

	private String jwt() {
		return this.issuer
			.issue(new AccessTokenRequest("bob", PrincipalKind.USER, "acme", null, Set.of(), Set.of(), null))
			.value();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		}

		@Bean
		CountingApiKeyStore countingApiKeyStore() {
			return new CountingApiKeyStore();
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		KeyCallerEndpoint keyCallerEndpoint() {
			return new KeyCallerEndpoint();
		}
	}

	@RestController
	static class KeyCallerEndpoint {

		@GetMapping("/api/key-caller")
		Map<String, Object> caller(@AuthenticationPrincipal PalisadePrincipal me,
				org.springframework.security.core.Authentication authentication) {
			Map<String, Object> body = new TreeMap<>();
			body.put("subject", me.subject());
			body.put("kind", me.kind().wireName());
			body.put("org", me.org());
			body.put("project", me.project());
			body.put("permissions", me.permissions().stream().sorted().toList());
			body.put("authorities",
					authentication.getAuthorities().stream().map(Object::toString).sorted().toList());
			return body;
		}
	}
}
