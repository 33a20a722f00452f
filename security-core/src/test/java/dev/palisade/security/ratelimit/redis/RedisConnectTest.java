package dev.palisade.security.ratelimit.redis;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.palisade.security.ratelimit.BucketKey;
import dev.palisade.security.ratelimit.KeyStrategy;
import dev.palisade.security.ratelimit.LimitDefinition;
import dev.palisade.security.ratelimit.LimitOutcome;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Opening the backend's connection: bounded by the RedisURI timeout, and without blocking the caller. */
class RedisConnectTest {

	private static final Duration BUDGET = Duration.ofMillis(50);

	/** The bound the feature promises, with generous slack over the 50 ms timeouts. */
	private static final Duration BOUND = Duration.ofSeconds(1);

	private static RedisClient client(int port) {
		RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
		client.setOptions(RedisRateLimitBackend.recommendedClientOptions(BUDGET)
			.mutate()
			.socketOptions(SocketOptions.builder().connectTimeout(BUDGET).build())
			.build());
		return client;
	}

	private static RedisURI uri(int port) {
		RedisURI uri = RedisURI.create("127.0.0.1", port);
		uri.setTimeout(BUDGET);
		return uri;
	}

	@Test
	void buildAsyncAgainstARedisThatNeverAnswersFailsWithinTheUriTimeout() throws Exception {
		// the backlog completes the TCP handshake; nothing ever reads or writes
		try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			RedisClient client = client(blackHole.getLocalPort());
			try {
				long start = System.nanoTime();
				CompletableFuture<RedisRateLimitBackend> backend = RedisRateLimitBackend.builder(client)
					.timeBudget(BUDGET)
					.buildAsync(uri(blackHole.getLocalPort()));
				// Lettuce's own handshake timeout ends the attempt, not a caller-side timeout
				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> backend.get(30, TimeUnit.SECONDS));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
			}
			finally {
				client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
			}
		}
	}

	@Test
	void buildAsyncConnectsToARunningRedisAndDecides() throws Exception {
		try (EmbeddedRedis redis = new EmbeddedRedis()) {
			RedisClient client = redis.newClient(Duration.ofSeconds(10));
			RedisURI uri = RedisURI.create("127.0.0.1", redis.port());
			uri.setTimeout(Duration.ofSeconds(10)); // generous: about connecting, not timing, on a loaded machine
			try (RedisRateLimitBackend backend = RedisRateLimitBackend.builder(client)
				.timeBudget(Duration.ofSeconds(10))
				.buildAsync(uri)
				.get(30, TimeUnit.SECONDS)) {
				LimitOutcome[] outcomes = backend.tryConsume(new BucketKey("p", KeyStrategy.CLIENT_IP, "192.0.2.9"),
						List.of(LimitDefinition.of(3, Duration.ofMinutes(1))));
				assertThat(outcomes).hasSize(1);
				assertThat(outcomes[0].allowed()).isTrue();
				assertThat(outcomes[0].remaining()).isEqualTo(2);
			}
			finally {
				client.shutdown();
			}
		}
	}
}
