package dev.palisade.security.autoconfigure.redis;

import java.io.IOException;
import java.net.ServerSocket;

import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
import dev.palisade.security.autoconfigure.ratelimit.PalisadeRateLimitAutoConfiguration;
import dev.palisade.security.autoconfigure.refresh.PalisadeRefreshAutoConfiguration;
import dev.palisade.security.refresh.IssuedRefreshToken;
import dev.palisade.security.refresh.RefreshGrant;
import dev.palisade.security.refresh.RefreshTokenService;
import dev.palisade.security.refresh.redis.RedisRefreshTokenStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Palisade's Redis features use Spring Boot's Redis connection ({@code spring.data.redis.*}, or
 * the connection details a Testcontainers {@code @ServiceConnection} registers) when their own
 * {@code palisade.*.redis.uri} is unset, against a real Redis server.
 */
class BootRedisConnectionTests {

	private static RedisServer server;

	private static int port;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				PalisadeRefreshAutoConfiguration.class, PalisadeRateLimitAutoConfiguration.class))
		.withPropertyValues("palisade.refresh.store=redis", "palisade.refresh.redis.key-prefix=boot:rt:",
				"palisade.rate-limit.backend=redis");

	@BeforeAll
	static void startRedis() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").build();
		server.start();
	}

	@AfterAll
	static void stopRedis() throws IOException {
		if (server != null) {
			server.stop();
		}
	}

	@Test
	void springDataRedisPropertiesNameTheServerOfEveryPalisadeRedisFeature() {
		this.runner.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + port,
				"spring.data.redis.database=3")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				RedisURI rateLimitServer = context.getBean("palisadeRateLimitRedisUri", RedisURI.class);
				assertThat(rateLimitServer.getPort()).isEqualTo(port);
				assertThat(rateLimitServer.getDatabase()).isEqualTo(3);
				assertThat(context.getBean(dev.palisade.security.refresh.RefreshTokenStore.class))
					.isInstanceOf(RedisRefreshTokenStore.class);
				RefreshTokenService service = context.getBean(RefreshTokenService.class);
				IssuedRefreshToken issued = service.issue(RefreshGrant.of("boot-user"));
				assertThat(service.rotate(issued.token()).orElseThrow()).isNotNull();
				assertThat(keys(3, "boot:rt:*")).as("written to Boot's server and database").isPositive();
			});
	}

	@Test
	void connectionDetailsBeanWinsLikeAServiceConnection() {
		this.runner.withUserConfiguration(ServiceConnectionDetails.class)
			.withPropertyValues("spring.data.redis.port=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("palisadeRateLimitRedisUri", RedisURI.class).getPort()).isEqualTo(port);
				IssuedRefreshToken issued = context.getBean(RefreshTokenService.class).issue(RefreshGrant.of("tc-user"));
				assertThat(issued.token()).isNotBlank();
			});
	}

	@Test
	void palisadesOwnUriOverridesBootsConnection() {
		this.runner.withPropertyValues("spring.data.redis.port=1",
				"palisade.rate-limit.redis.uri=redis://127.0.0.1:" + port,
				"palisade.refresh.redis.uri=redis://127.0.0.1:" + port)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("palisadeRateLimitRedisUri", RedisURI.class).getPort()).isEqualTo(port);
			});
	}

	@Test
	void bootsPasswordIsPassedOnAndNeverShown() {
		this.runner.withPropertyValues("palisade.refresh.store=memory", "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + port, "spring.data.redis.username=svc", "spring.data.redis.password=pw-123")
			.run((context) -> {
				RedisURI uri = context.getBean("palisadeRateLimitRedisUri", RedisURI.class);
				io.lettuce.core.RedisCredentials credentials = uri.getCredentialsProvider().resolveCredentials().block();
				assertThat(credentials.getUsername()).isEqualTo("svc");
				assertThat(new String(credentials.getPassword())).isEqualTo("pw-123");
				assertThat(uri.toString()).doesNotContain("pw-123");
			});
	}

	@Test
	void aBootClusterConnectionFailsStartUpNamingPalisadesOverride() {
		this.runner.withPropertyValues("spring.data.redis.cluster.nodes=127.0.0.1:" + port)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidPalisadePropertyException.class)
					.hasMessageContaining("palisade.")
					.hasMessageContaining("Redis Cluster");
			});
	}

	private static long keys(int database, String pattern) {
		RedisClient client = RedisClient.create(RedisURI.Builder.redis("127.0.0.1", port).withDatabase(database).build());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().keys(pattern).size();
		}
		finally {
			client.shutdown();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ServiceConnectionDetails {

		@Bean
		DataRedisConnectionDetails redisConnectionDetails() {
			return new DataRedisConnectionDetails() {

				@Override
				public Standalone getStandalone() {
					return Standalone.of("127.0.0.1", port);
				}
			};
		}
	}

}
