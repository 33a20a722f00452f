package dev.palisade.security.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two application contexts (two instances of a service) on one real Redis server share one budget,
 * and while Redis is down each answers by its failure mode: 200 or 429, never 500.
 */
class RedisSharedBudgetHttpTests {

	private static RedisServer redis;

	private static int port;

	private static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeAll
	static void startRedis() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
			.setting("appendonly no").build();
		redis.start();
	}

	@AfterAll
	static void stop() throws IOException {
		contexts.forEach(ConfigurableApplicationContext::close);
		redis.stop();
	}

	private static MockMvc instance(String failureMode, String keyPrefix) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "palisade.access.public-paths=/open/**",
					"palisade.tokens.issuer=https://issuer.test", "palisade.tokens.audiences=api",
					"palisade.rate-limit.backend=redis", "palisade.rate-limit.redis.uri=redis://127.0.0.1:" + port,
					"palisade.rate-limit.redis.key-prefix=" + keyPrefix,
					// generous: a loaded build machine must not turn a slow first answer into a fallback
					"palisade.rate-limit.time-budget=2s", "palisade.rate-limit.failure-mode=" + failureMode,
					"palisade.rate-limit.pre-auth-policies[0].name=open-by-ip",
					"palisade.rate-limit.pre-auth-policies[0].paths=/open/**",
					"palisade.rate-limit.pre-auth-policies[0].limits[0].capacity=5",
					"palisade.rate-limit.pre-auth-policies[0].limits[0].period=1h")
			.run();
		contexts.add(context);
		return MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).apply(springSecurity()).build();
	}

	private static MockHttpServletRequestBuilder ping(String peer) {
		return get("/open/ping").with((request) -> {
			request.setRemoteAddr(peer);
			return request;
		});
	}

	@Test
	void twoInstancesAdmitTheLimitTogetherNotTwice() throws Exception {
		MockMvc first = instance("fail-closed", "shared:");
		MockMvc second = instance("fail-closed", "shared:");
		int admitted = 0;
		for (int i = 0; i < 12; i++) {
			int status = ((i % 2 == 0) ? first : second).perform(ping("192.0.2.50")).andReturn().getResponse().getStatus();
			assertThat(status).isIn(200, 429);
			admitted += (status == 200) ? 1 : 0;
		}
		assertThat(admitted).isEqualTo(5);
	}

	@Test
	void redisDownGives200WhenFailOpenAnd429WhenFailClosedNever500() throws Exception {
		MockMvc open = instance("fail-open", "outage:");
		MockMvc closed = instance("fail-closed", "outage:");
		open.perform(ping("192.0.2.60")).andExpect(status().isOk()).andExpect(header().string("X-RateLimit-Remaining", "4"));
		redis.stop();
		try {
			// fail-open knows no counts, so it claims none
			open.perform(ping("192.0.2.60")).andExpect(status().isOk()).andExpect(header().doesNotExist("X-RateLimit-Remaining"));
			closed.perform(ping("192.0.2.60"))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().string("Retry-After", "1"))
				.andExpect(header().string("X-RateLimit-Reset", "1"));
		}
		finally {
			try {
				redis.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}
}
