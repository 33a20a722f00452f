package dev.palisade.security.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.palisade.security.apikey.ApiKeyCreateRequest;
import dev.palisade.security.apikey.ApiKeyService;
import dev.palisade.security.apikey.GeneratedApiKey;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.refresh.AccessTokenDenyList;
import dev.palisade.security.refresh.IssuedRefreshToken;
import dev.palisade.security.refresh.RefreshGrant;
import dev.palisade.security.refresh.RefreshTokenService;
import dev.palisade.security.refresh.RotationFailure;
import dev.palisade.security.refresh.RotationResult;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import dev.palisade.security.token.IssuedAccessToken;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two instances of one service (two application contexts) sharing a real PostgreSQL server (refresh
 * tokens, API keys) and a real Redis server (access-token deny list): what one instance revokes, the
 * other refuses. (The shared rate-limit budget of two instances is {@link RedisSharedBudgetHttpTests}.)
 */
class ScaleOutHttpTests {

	private static EmbeddedPostgres postgres;

	private static RedisServer redis;

	private static int redisPort;

	private static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		try (ServerSocket socket = new ServerSocket(0)) {
			redisPort = socket.getLocalPort();
		}
		redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"")
			.setting("appendonly no").build();
		redis.start();
		Path keys = Path.of("target", "scale-out-keys", UUID.randomUUID().toString());
		a = instance(keys);
		b = instance(keys); // started second: it loads the signing key the first generated
	}

	@AfterAll
	static void stop() throws IOException {
		contexts.forEach(ConfigurableApplicationContext::close);
		if (redis != null) {
			redis.stop();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	private static ConfigurableApplicationContext instance(Path keys) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.SERVLET)
			// both instances on one real PostgreSQL server
			.initializers((ctx) -> ctx.getBeanFactory()
				.registerSingleton("dataSource", (javax.sql.DataSource) postgres.getPostgresDatabase()))
			.properties("server.port=0", "palisade.access.public-paths=/open/**",
					"palisade.access.rules[0].pattern=/api/me", "palisade.access.rules[0].access=authenticated",
					"palisade.tokens.issuer=https://issuer.test", "palisade.tokens.audiences=api",
					"palisade.tokens.signing.directory=" + keys.toAbsolutePath(),
					"palisade.refresh.store=jdbc", "palisade.refresh.jdbc.initialize-schema=true",
					"palisade.refresh.deny-list=redis", "palisade.refresh.redis.uri=redis://127.0.0.1:" + redisPort,
					"palisade.api-keys.store=jdbc", "palisade.api-keys.jdbc.initialize-schema=true",
					"palisade.api-keys.pepper=scale-out-pepper-0123456789-0123456789-0123456789",
					"palisade.api-keys.cache-ttl=1s", "palisade.audit.path=target/scale-out-audit/" + UUID.randomUUID())
			.run();
		contexts.add(context);
		return context;
	}

	private static MockMvc mvc(ConfigurableApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).apply(springSecurity()).build();
	}

	@Test
	void aRefreshTokenReplayedOnTheOtherInstanceRevokesItsFamily() {
		RefreshTokenService onA = a.getBean(RefreshTokenService.class);
		RefreshTokenService onB = b.getBean(RefreshTokenService.class);
		IssuedRefreshToken first = onA.issue(RefreshGrant.of("frank"));
		IssuedRefreshToken second = onA.rotate(first.token()).orElseThrow().token();
		// the stolen first token, replayed against the other instance
		assertThat(onB.rotate(first.token())).isEqualTo(new RotationResult.Rejected(RotationFailure.REUSED));
		assertThat(onA.rotate(second.token())).isEqualTo(new RotationResult.Rejected(RotationFailure.REVOKED));
	}

	@Test
	void anApiKeyRevokedOnOneInstanceIsRefusedOnTheOtherWithinTheCacheTtl() throws Exception {
		GeneratedApiKey key = a.getBean(ApiKeyService.class)
			.create(new ApiKeyCreateRequest("ci", "user-1", PrincipalKind.USER, "acme", null, Set.of(), null), Set.of("*"));
		MockMvc onB = mvc(b);
		onB.perform(get("/api/me").header("X-API-Key", key.plaintext())).andExpect(status().isOk());
		a.getBean(ApiKeyService.class).revoke(key.keyId());
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> onB
			.perform(get("/api/me").header("X-API-Key", key.plaintext()))
			.andExpect(status().isUnauthorized()));
	}

	@Test
	void anAccessTokenRevokedOnOneInstanceIsRefusedOnTheOtherThroughRedis() throws Exception {
		IssuedAccessToken token = a.getBean(AccessTokenIssuer.class)
			.issue(new AccessTokenRequest("grace", PrincipalKind.USER, "acme", null, Set.of(), Set.of(), null));
		MockMvc onB = mvc(b);
		onB.perform(get("/api/me").header("Authorization", "Bearer " + token.value())).andExpect(status().isOk());
		a.getBean(AccessTokenDenyList.class).deny(token.jti(), token.expiresAt());
		// B had verified and cached the token: the cached path consults the deny list too
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> onB
			.perform(get("/api/me").header("Authorization", "Bearer " + token.value()))
			.andExpect(status().isUnauthorized()));
		mvc(a).perform(get("/api/me").header("Authorization", "Bearer " + token.value()))
			.andExpect(status().isUnauthorized());
	}
}
