package dev.palisade.security.refresh.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.security.refresh.IssuedRefreshToken;
import dev.palisade.security.refresh.RefreshTokenService;
import dev.palisade.security.refresh.RefreshTokenStore;
import dev.palisade.security.refresh.RefreshTokenStoreContract;
import dev.palisade.security.refresh.RotationFailure;
import dev.palisade.security.refresh.RotationResult;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import redis.embedded.RedisServer;

/** The store contract on a real Redis server (one per test class, append-only file on). */
class RedisRefreshTokenStoreTest extends RefreshTokenStoreContract {

	@TempDir
	static Path directory;

	private static int port;

	private static RedisServer server;

	private static RedisClient client;

	private static StatefulRedisConnection<String, String> connection;

	@BeforeAll
	static void startRedis() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		server = startServer();
		connect();
	}

	private static RedisServer startServer() throws IOException {
		RedisServer redis = RedisServer.newRedisServer()
			.port(port)
			.bind("127.0.0.1")
			.setting("appendonly yes")
			.setting("appendfsync always")
			.setting("dir " + directory)
			.build();
		redis.start();
		return redis;
	}

	private static void connect() {
		client = RedisClient.create("redis://127.0.0.1:" + port);
		connection = client.connect();
	}

	private static void disconnect() {
		connection.close();
		client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

	@AfterAll
	static void stopRedis() throws IOException {
		if (client != null) {
			disconnect();
		}
		if (server != null) {
			server.stop();
		}
	}

	@Override
	protected RefreshTokenStore createStore() {
		connection.sync().flushall();
		return new RedisRefreshTokenStore(connection);
	}

	@Test
	void familiesSurviveARedisServerRestart() throws IOException {
		IssuedRefreshToken issued = this.service.issue(grant("alice"));
		IssuedRefreshToken rotated = this.service.rotate(issued.token()).orElseThrow().token();
		disconnect();
		server.stop();
		server = startServer();
		connect();

		RefreshTokenService restarted = newService(new RedisRefreshTokenStore(connection));

		assertThat(restarted.findFamily(issued.familyId())).isPresent();
		assertThat(restarted.rotate(rotated.token()).orElseThrow().grant()).isEqualTo(grant("alice"));
		assertThat(restarted.rotate(issued.token()).isRotated()).isFalse();
	}

	@Test
	void everyKeyExpiresWithTheFamilysAbsoluteLifetime() {
		IssuedRefreshToken issued = this.service.issue(grant("alice"));
		this.service.rotate(issued.token()).orElseThrow();

		var keys = connection.sync().keys(RedisRefreshTokenStore.DEFAULT_KEY_PREFIX + "*");
		assertThat(keys).hasSize(3); // the family, its handle and the subject's set: a rotation adds no key
		long thirtyDays = Duration.ofDays(30).toMillis();
		for (String key : keys) {
			assertThat(connection.sync().pttl(key)).as(key).isBetween(thirtyDays - 60_000, thirtyDays);
		}
	}

	@Test
	void keysHoldOnlyTheSha256HashOfATokenNeverTheToken() throws Exception {
		IssuedRefreshToken issued = this.service.issue(grant("alice"));
		String hash = HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(issued.token().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
		String tokenBody = issued.token().substring("palrt_".length());

		String handle = HexFormat.of().formatHex(java.util.Arrays.copyOf(java.util.Base64.getUrlDecoder().decode(tokenBody), 16));

		var keys = connection.sync().keys("*");
		assertThat(keys).contains(RedisRefreshTokenStore.DEFAULT_KEY_PREFIX + "h:" + handle);
		assertThat(connection.sync().hget(RedisRefreshTokenStore.DEFAULT_KEY_PREFIX + "f:" + issued.familyId(), "cur"))
			.isEqualTo(hash);
		for (String key : keys) {
			assertThat(key).doesNotContain(tokenBody);
			String type = connection.sync().type(key);
			if ("hash".equals(type)) {
				assertThat(connection.sync().hgetall(key).toString()).doesNotContain(tokenBody);
			}
			else if ("string".equals(type)) {
				assertThat(connection.sync().get(key)).doesNotContain(tokenBody);
			}
		}
	}

	@Test
	void aFamilyStoredByTheFormerReleaseKeepsItsSignInAndItsReuseDetection() throws Exception {
		// the key layout of the release before family handles: one key per token hash
		String active = "palrt_" + "A".repeat(43);
		String rotatedBefore = "palrt_" + "B".repeat(42) + "A";
		String prefix = RedisRefreshTokenStore.DEFAULT_KEY_PREFIX;
		long now = this.clock.instant().toEpochMilli();
		var redis = connection.sync();
		redis.hset(prefix + "f:fam-1", java.util.Map.of("id", "fam-1", "subject", "alice", "state", "active", "created",
				Long.toString(now), "abs", Long.toString(now + Duration.ofDays(30).toMillis()), "idle",
				Long.toString(now + Duration.ofDays(1).toMillis())));
		redis.hset(prefix + "t:" + hex(active), java.util.Map.of("f", "fam-1", "s", "active"));
		redis.hset(prefix + "t:" + hex(rotatedBefore), java.util.Map.of("f", "fam-1", "s", "rotated"));

		IssuedRefreshToken next = this.service.rotate(active).orElseThrow().token();
		assertThat(next.token()).hasSize(6 + 64);
		IssuedRefreshToken after = this.service.rotate(next.token()).orElseThrow().token();
		assertThat(after.familyId()).isEqualTo("fam-1");
		assertThat(this.service.rotate(active)).isEqualTo(new RotationResult.Rejected(RotationFailure.REUSED));
		assertThat(this.service.rotate(after.token())).isEqualTo(new RotationResult.Rejected(RotationFailure.REVOKED));
		assertThat(this.service.rotate(rotatedBefore)).isEqualTo(new RotationResult.Rejected(RotationFailure.REUSED));
	}

	private static String hex(String token) throws Exception {
		return HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
	}
}
