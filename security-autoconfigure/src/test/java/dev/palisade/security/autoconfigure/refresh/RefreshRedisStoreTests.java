package dev.palisade.security.autoconfigure.refresh;

import java.io.IOException;
import java.net.ServerSocket;

import dev.palisade.security.refresh.IssuedRefreshToken;
import dev.palisade.security.refresh.RefreshGrant;
import dev.palisade.security.refresh.RefreshTokenService;
import dev.palisade.security.refresh.RefreshTokenStore;
import dev.palisade.security.refresh.RotationFailure;
import dev.palisade.security.refresh.RotationResult;
import dev.palisade.security.refresh.redis.RedisRefreshTokenStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code store=redis} against a real Redis server: the connection is Palisade's own and closes with the context. */
class RefreshRedisStoreTests {

	private static RedisServer server;

	private static int port;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeRefreshAutoConfiguration.class))
		.withPropertyValues("palisade.refresh.store=redis", "palisade.refresh.redis.key-prefix=test:rt:");

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
	void redisStoreIsSelectedAndRotatesWithReuseDetection() {
		this.contextRunner.withPropertyValues("palisade.refresh.redis.uri=redis://127.0.0.1:" + port)
			.run((context) -> {
				assertThat(context.getBean(RefreshTokenStore.class)).isInstanceOf(RedisRefreshTokenStore.class);
				RefreshTokenService service = context.getBean(RefreshTokenService.class);
				IssuedRefreshToken first = service.issue(RefreshGrant.of("grace"));
				IssuedRefreshToken second = service.rotate(first.token()).orElseThrow().token();
				assertThat(service.rotate(first.token()))
					.isEqualTo(new RotationResult.Rejected(RotationFailure.REUSED));
				assertThat(service.rotate(second.token()))
					.isEqualTo(new RotationResult.Rejected(RotationFailure.REVOKED));
				assertThat(keys("test:rt:f:*")).isPositive();
			});
	}

	@Test
	void connectionClosesWithTheContext() {
		StatefulRedisConnection<?, ?>[] connection = new StatefulRedisConnection<?, ?>[1];
		this.contextRunner.withPropertyValues("palisade.refresh.redis.uri=redis://127.0.0.1:" + port)
			.run((context) -> {
				connection[0] = context.getBean(RefreshRedisConnection.class).connection();
				assertThat(connection[0].isOpen()).isTrue();
			});
		assertThat(connection[0].isOpen()).isFalse();
	}

	@Test
	void unreachableServerFailsStartUpWithoutShowingThePassword() {
		this.contextRunner.withPropertyValues("palisade.refresh.redis.uri=redis://:s3cret-pw@127.0.0.1:1")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				while (failure != null) {
					assertThat(String.valueOf(failure.getMessage())).doesNotContain("s3cret-pw");
					failure = failure.getCause();
				}
			});
	}

	private static long keys(String pattern) {
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().keys(pattern).size();
		}
		finally {
			client.shutdown();
		}
	}
}
