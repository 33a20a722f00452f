package dev.palisade.sample;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sample's plans, limits and sign-in throttle. The policies of application.yml are declared
 * again here with hour-long periods, so that no permit refills while a slow build machine runs a test.
 */
@SpringBootTest(properties = { "palisade.tokens.signing.directory=target/test-keys-ratelimit",
		"palisade.rate-limit.pre-auth-policies[0].name=token-endpoint",
		"palisade.rate-limit.pre-auth-policies[0].paths=/auth/token",
		"palisade.rate-limit.pre-auth-policies[0].limits[0].capacity=30",
		"palisade.rate-limit.pre-auth-policies[0].limits[0].period=1h",
		"palisade.rate-limit.pre-auth-policies[1].name=revocation-endpoint",
		"palisade.rate-limit.pre-auth-policies[1].paths=/auth/revoke",
		"palisade.rate-limit.pre-auth-policies[1].limits[0].capacity=10",
		"palisade.rate-limit.pre-auth-policies[1].limits[0].period=1h",
		"palisade.rate-limit.policies[0].name=api-free", "palisade.rate-limit.policies[0].paths=/api/**",
		"palisade.rate-limit.policies[0].plans=free", "palisade.rate-limit.policies[0].key-by=subject",
		"palisade.rate-limit.policies[0].limits[0].capacity=5",
		"palisade.rate-limit.policies[0].limits[0].period=1h",
		"palisade.rate-limit.policies[1].name=api-pro", "palisade.rate-limit.policies[1].paths=/api/**",
		"palisade.rate-limit.policies[1].plans=pro", "palisade.rate-limit.policies[1].key-by=subject",
		"palisade.rate-limit.policies[1].limits[0].capacity=100",
		"palisade.rate-limit.policies[1].limits[0].period=1h",
		"palisade.rate-limit.sign-in.base-delay=10m", "palisade.rate-limit.sign-in.max-delay=10m",
		"palisade.rate-limit.sign-in.forget-after=1h" })
@AutoConfigureMockMvc
class RateLimitSampleHttpTests {

	@Autowired
	MockMvc mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	private static MockHttpServletRequestBuilder signIn(String peer, String username, String password) {
		return post("/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("grant_type", "password")
			.param("username", username)
			.param("password", password)
			.with((request) -> {
				request.setRemoteAddr(peer);
				return request;
			});
	}

	private String token(String username) throws Exception {
		String body = this.mvc.perform(signIn("192.0.2.1", username, username + "-password"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return (String) this.json.readValue(body, Map.class).get("access_token");
	}

	@Test
	void freePlanHits429AfterFiveRequestsWhileProPlanDoesNot() throws Exception {
		String free = token("globex-viewer");
		String pro = token("acme-admin");
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + free))
				.andExpect(status().isOk())
				.andExpect(header().string("X-RateLimit-Limit", "5"));
		}
		this.mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + free))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists(HttpHeaders.RETRY_AFTER))
			.andExpect(content().contentType("application/problem+json"));
		this.mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + pro))
			.andExpect(status().isOk())
			.andExpect(header().string("X-RateLimit-Limit", "100"));
	}

	@Test
	void repeatedFailedSignInsSlowTheGuessingAddressButNotTheUsersOwn() throws Exception {
		// three free failures, the fourth starts a block: four answers of 400, then 429
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(signIn("192.0.2.2", "acme-dev", "wrong")).andExpect(status().isBadRequest());
		}
		this.mvc.perform(signIn("192.0.2.2", "acme-dev", "acme-dev-password"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "600"))
			.andExpect(jsonPath("$.status").value(429));
		// the real user at another address is not locked out by the guesser
		this.mvc.perform(signIn("192.0.2.3", "acme-dev", "acme-dev-password")).andExpect(status().isOk());
	}

	@Test
	void unknownUsernamesAreThrottledExactlyLikeKnownOnes() throws Exception {
		for (String username : new String[] { "acme-admin", "no-such-user" }) {
			String peer = username.equals("acme-admin") ? "192.0.2.7" : "192.0.2.8";
			for (int i = 0; i < 4; i++) {
				this.mvc.perform(signIn(peer, username, "wrong")).andExpect(status().isBadRequest());
			}
			this.mvc.perform(signIn(peer, username, "wrong"))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().string(HttpHeaders.RETRY_AFTER, "600"));
			// another address is admitted to the password check for both: 400 for a wrong password
			this.mvc.perform(signIn("192.0.2.9", username, "wrong")).andExpect(status().isBadRequest());
		}
	}

	@Test
	void revocationEndpointIsLimitedByAddressSoTheDenyListCannotBeFloodedFromOnePlace() throws Exception {
		String token = token("acme-dev");
		for (int i = 0; i < 10; i++) {
			this.mvc.perform(revoke("192.0.2.5", token)).andExpect(status().isOk());
		}
		this.mvc.perform(revoke("192.0.2.5", token))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists(HttpHeaders.RETRY_AFTER))
			.andExpect(header().string("X-RateLimit-Limit", "10"));
		// another address is not affected
		this.mvc.perform(revoke("192.0.2.6", token)).andExpect(status().isOk());
	}

	@Test
	void applicationYmlLimitsTheRevocationEndpointByAddress() throws Exception {
		// the test above runs the policy as declared in this class; this checks the sample really declares it
		Map<String, Object> yml = new HashMap<>();
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
				new ClassPathResource("application.yml"))) {
			for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
				yml.put(name, source.getProperty(name));
			}
		}
		String policy = yml.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().matches("palisade\\.rate-limit\\.pre-auth-policies\\[\\d+]\\.paths\\[\\d+]")
					&& "/auth/revoke".equals(String.valueOf(entry.getValue())))
			.map((entry) -> entry.getKey().substring(0, entry.getKey().indexOf(".paths[")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no pre-auth rate-limit policy for /auth/revoke in application.yml"));
		assertThat(yml).containsKey(policy + ".limits[0].capacity").containsKey(policy + ".limits[0].period");
	}

	private static MockHttpServletRequestBuilder revoke(String peer, String token) {
		return post("/auth/revoke").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("token", token)
			.with((request) -> {
				request.setRemoteAddr(peer);
				return request;
			});
	}

	@Test
	void tokenEndpointIsLimitedByAddressBeforeAuthentication() throws Exception {
		for (int i = 0; i < 30; i++) {
			this.mvc.perform(signIn("192.0.2.4", "nobody-" + i, "x")).andExpect(status().isBadRequest());
		}
		this.mvc.perform(signIn("192.0.2.4", "nobody-30", "x"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists(HttpHeaders.RETRY_AFTER))
			.andExpect(header().string("X-RateLimit-Limit", "30"));
	}
}
