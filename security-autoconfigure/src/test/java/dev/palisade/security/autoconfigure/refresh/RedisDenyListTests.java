package dev.palisade.security.autoconfigure.refresh;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import dev.palisade.security.autoconfigure.token.AccessTokenRevocations;
import dev.palisade.security.refresh.AccessTokenDenyList;
import dev.palisade.security.refresh.DenyListFullException;
import dev.palisade.security.refresh.LocalAccessTokenDenyList;
import dev.palisade.security.refresh.redis.RedisAccessTokenDenyList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The deny list shared through a real Redis server: two application contexts stand for two nodes,
 * and an access token revoked on one is refused by the other.
 */
class RedisDenyListTests {

	private static RedisServer server;

	private static int port;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeRefreshAutoConfiguration.class));

	@BeforeAll
	static void startRedis() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
		server.start();
	}

	@AfterAll
	static void stopRedis() throws IOException {
		if (server != null) {
			server.stop();
		}
	}

	private ApplicationContextRunner node(String prefix) {
		return this.contextRunner.withPropertyValues("palisade.refresh.store=redis",
				"palisade.refresh.redis.uri=redis://127.0.0.1:" + port, "palisade.refresh.redis.key-prefix=" + prefix,
				"palisade.refresh.deny-list-maximum-size=3");
	}

	@Test
	void aRevocationOnOneNodeIsRefusedOnTheOtherAndOnANodeStartedLater() {
		node("two-nodes:").run((a) -> node("two-nodes:").run((b) -> {
			assertThat(a.getBean(AccessTokenDenyList.class)).isInstanceOf(RedisAccessTokenDenyList.class);
			Instant exp = Instant.now().plus(Duration.ofMinutes(15));
			a.getBean(AccessTokenDenyList.class).deny("jti-1", exp);
			// the revoking node refuses at once; the other as soon as the message arrives
			assertThat(a.getBean(AccessTokenRevocations.class).isRevoked("jti-1")).isTrue();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> b.getBean(AccessTokenRevocations.class).isRevoked("jti-1"));
			assertThat(b.getBean(AccessTokenRevocations.class).isRevoked("jti-2")).isFalse();
			// a third node started afterwards loads what is already revoked
			node("two-nodes:").run((c) -> assertThat(c.getBean(AccessTokenDenyList.class).isDenied("jti-1")).isTrue());
			// the bound counts every node's revocations; at it a revocation is refused, nobody else is locked out
			b.getBean(AccessTokenDenyList.class).deny("jti-2", exp);
			a.getBean(AccessTokenDenyList.class).deny("jti-3", exp);
			await().atMost(Duration.ofSeconds(5)).until(() -> b.getBean(AccessTokenDenyList.class).size() == 3);
			assertThatExceptionOfType(DenyListFullException.class)
				.isThrownBy(() -> b.getBean(AccessTokenDenyList.class).deny("jti-4", exp));
			assertThat(b.getBean(AccessTokenDenyList.class).isDenied("never-revoked")).isFalse();
		}));
	}

	@Test
	void aMessageMissedWhileDisconnectedIsPickedUpByTheResync() {
		node("resync:").withPropertyValues("palisade.refresh.deny-list-resync-interval=200ms").run((a) -> {
			// written straight into Redis, as by a node whose publish this one never received
			try (RedisAccessTokenDenyList other = RedisAccessTokenDenyList.connect(
					java.net.URI.create("redis://127.0.0.1:" + port), "resync:deny:", java.time.Clock.systemUTC(), 10,
					Duration.ofHours(1))) {
				io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + port);
				try (var connection = client.connect()) {
					long exp = Instant.now().plus(Duration.ofMinutes(5)).toEpochMilli();
					connection.sync().set("resync:deny:jti:silent", Long.toString(exp),
							io.lettuce.core.SetArgs.Builder.px(300_000));
				}
				finally {
					client.shutdown();
				}
				await().atMost(Duration.ofSeconds(5)).until(() -> a.getBean(AccessTokenDenyList.class).isDenied("silent"));
				assertThat(other.isDenied("silent")).isFalse(); // its resync is an hour away: the test is not vacuous
			}
		});
	}

	@Test
	void withoutRedisTheDenyListIsThisNodesOwn() {
		this.contextRunner.run((context) -> assertThat(context.getBean(AccessTokenDenyList.class))
			.isInstanceOf(LocalAccessTokenDenyList.class));
		this.contextRunner.withPropertyValues("palisade.refresh.store=redis", "palisade.refresh.deny-list=local",
				"palisade.refresh.redis.uri=redis://127.0.0.1:" + port)
			.run((context) -> assertThat(context.getBean(AccessTokenDenyList.class))
				.isInstanceOf(LocalAccessTokenDenyList.class));
	}
}
