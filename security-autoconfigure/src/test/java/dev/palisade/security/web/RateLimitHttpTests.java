package dev.palisade.security.web;

import java.util.Map;
import java.util.Set;

import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rate-limit filters in Palisade's default chain. Each test uses its own client addresses or
 * subjects, so the tests share one context without sharing buckets.
 */
@SpringBootTest(classes = TestApplication.class,
		properties = { "palisade.access.public-paths=/open/**", "palisade.access.rules[0].pattern=/api/me", "palisade.access.rules[0].access=authenticated", "palisade.tokens.issuer=https://issuer.test",
				"palisade.tokens.audiences=api", "palisade.rate-limit.trusted-proxies=10.0.0.0/8",
				"palisade.rate-limit.ietf-headers=true",
				"palisade.rate-limit.pre-auth-policies[0].name=open-by-ip",
				"palisade.rate-limit.pre-auth-policies[0].paths=/open/**",
				"palisade.rate-limit.pre-auth-policies[0].limits[0].capacity=3",
				"palisade.rate-limit.pre-auth-policies[0].limits[0].period=1h",
				"palisade.rate-limit.pre-auth-policies[0].limits[1].capacity=1000",
				"palisade.rate-limit.pre-auth-policies[0].limits[1].period=1d",
				"palisade.rate-limit.policies[0].name=api-free", "palisade.rate-limit.policies[0].paths=/api/**",
				"palisade.rate-limit.policies[0].plans=free", "palisade.rate-limit.policies[0].key-by=subject",
				"palisade.rate-limit.policies[0].limits[0].capacity=2",
				"palisade.rate-limit.policies[0].limits[0].period=1h",
				"palisade.rate-limit.policies[1].name=api-pro", "palisade.rate-limit.policies[1].paths=/api/**",
				"palisade.rate-limit.policies[1].plans=pro", "palisade.rate-limit.policies[1].key-by=subject",
				"palisade.rate-limit.policies[1].limits[0].capacity=5",
				"palisade.rate-limit.policies[1].limits[0].period=1h" })
@AutoConfigureMockMvc
@Import(RateLimitHttpTests.Metrics.class)
class RateLimitHttpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccessTokenIssuer issuer;

	@Autowired
	MeterRegistry meters;

	private static MockHttpServletRequestBuilder ping(String peer) {
		return get("/open/ping").with((request) -> {
			request.setRemoteAddr(peer);
			return request;
		});
	}

	private String token(String subject, String plan) {
		AccessTokenRequest request = new AccessTokenRequest(subject, PrincipalKind.USER, null, null, Set.of(),
				Set.of(), null);
		return this.issuer.issue((plan != null) ? request.withExtraClaims(Map.of("plan", plan)) : request).value();
	}

	@Test
	void limitedResponsesCarryTheRateLimitFields() throws Exception {
		this.mvc.perform(ping("192.0.2.1"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-RateLimit-Limit", "3"))
			.andExpect(header().string("X-RateLimit-Remaining", "2"))
			.andExpect(header().string("X-RateLimit-Reset", "1200"))
			.andExpect(header().string("RateLimit-Policy", "\"open-by-ip-0\";q=3;w=3600, \"open-by-ip-1\";q=1000;w=86400"))
			.andExpect(header().string("RateLimit", "\"open-by-ip-0\";r=2;t=1200"));
	}

	@Test
	void afterTheLimitTheAnswerIs429ProblemWithRetryAfter() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(ping("192.0.2.2")).andExpect(status().isOk());
		}
		this.mvc.perform(ping("192.0.2.2"))
			.andExpect(status().isTooManyRequests())
			// one permit refills every 1200 s; the wait is measured from the refusal, not from the first request
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, matchesPattern("11[0-9][0-9]|1200")))
			.andExpect(header().string("X-RateLimit-Remaining", "0"))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.title").value("Too Many Requests"))
			.andExpect(jsonPath("$.instance").value("/open/ping"));
		assertThat(this.meters.counter("palisade.ratelimit.decisions", "policy", "open-by-ip", "outcome", "limited")
			.count()).isGreaterThanOrEqualTo(1);
		assertThat(this.meters.counter("palisade.ratelimit.decisions", "policy", "open-by-ip", "outcome", "allowed")
			.count()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void spoofedForwardedForFromAnUntrustedPeerDoesNotChangeTheBucket() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(ping("192.0.2.3").header("X-Forwarded-For", "198.51.100." + i))
				.andExpect(status().isOk());
		}
		this.mvc.perform(ping("192.0.2.3").header("X-Forwarded-For", "198.51.100.99")
			.header("Forwarded", "for=198.51.100.98"))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void trustedProxyForwardedForKeysEachClientSeparately() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(ping("10.1.2.3").header("X-Forwarded-For", "203.0.113.7")).andExpect(status().isOk());
		}
		this.mvc.perform(ping("10.1.2.3").header("X-Forwarded-For", "203.0.113.7"))
			.andExpect(status().isTooManyRequests());
		// another client behind the same proxy has its own bucket
		this.mvc.perform(ping("10.1.2.3").header("X-Forwarded-For", "203.0.113.8"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-RateLimit-Remaining", "2"));
		// a spoofed left-most entry is not reached: the proxy appended the real client
		this.mvc.perform(ping("10.1.2.3").header("X-Forwarded-For", "203.0.113.8, 203.0.113.7"))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void planFromTheTokenChoosesThePolicyAndSubjectKeysTheBucket() throws Exception {
		String free = token("free-user", "free");
		String pro = token("pro-user", "pro");
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + free)
				.with((r) -> { r.setRemoteAddr("192.0.2.10"); return r; }))
				.andExpect(status().isOk())
				.andExpect(header().string("X-RateLimit-Limit", "2"));
		}
		// the same subject from another address shares the subject's bucket
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + free)
			.with((r) -> { r.setRemoteAddr("192.0.2.11"); return r; }))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists(HttpHeaders.RETRY_AFTER));
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + pro))
			.andExpect(status().isOk())
			.andExpect(header().string("X-RateLimit-Limit", "5"))
			.andExpect(header().string("X-RateLimit-Remaining", "4"));
	}

	@Test
	void callerWithoutAPlanMatchesNoPlanPolicy() throws Exception {
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("no-plan", null)))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("X-RateLimit-Limit"));
	}

	@Test
	void refusedCredentialIsAnswered401NotCountedByThePrincipalLimiter() throws Exception {
		this.mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("X-RateLimit-Limit"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Metrics {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}
	}
}
