package dev.palisade.security.ratelimit.redis;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.palisade.security.ratelimit.FailureMode;
import dev.palisade.security.ratelimit.LimitAlgorithm;
import dev.palisade.security.ratelimit.PolicyRateLimiter;
import dev.palisade.security.ratelimit.RateLimitDecision;
import dev.palisade.security.ratelimit.RateLimitDecision.Basis;
import dev.palisade.security.ratelimit.RateLimitPolicy;
import dev.palisade.security.ratelimit.RateLimitRequest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

import static dev.palisade.security.ratelimit.LimitTesting.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RedisOutageTest {

	private static final Duration BUDGET = Duration.ofMillis(50);

	/** Hang guard only; the calls are expected to return within the budget. */
	private static final Duration HANG_GUARD = Duration.ofSeconds(5);

	private static final RateLimitRequest REQUEST = anonymous("/api", "198.51.100.7");

	private static final RateLimitPolicy POLICY = RateLimitPolicy.builder("api")
		.limit(1_000_000, Duration.ofSeconds(1), LimitAlgorithm.TOKEN_BUCKET_GREEDY)
		.limit(1_000_000, Duration.ofMinutes(1), LimitAlgorithm.SLIDING_WINDOW)
		.build();

	private static EmbeddedRedis redis;

	private static RedisClient client;

	private static RedisRateLimitBackend backend;

	@BeforeAll
	static void start() {
		redis = new EmbeddedRedis();
		client = redis.newClient(BUDGET);
		backend = RedisRateLimitBackend.builder(client).timeBudget(BUDGET).build();
	}

	@AfterAll
	static void stop() throws Exception {
		backend.close();
		client.shutdown();
		redis.close();
	}

	private static RateLimitDecision check(PolicyRateLimiter limiter) {
		return assertTimeoutPreemptively(HANG_GUARD, () -> limiter.check(REQUEST));
	}

	/** Waits for Lettuce's background reconnect; bounded so a broken recovery fails instead of hanging. */
	private static void eventually(Callable<Boolean> condition) {
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(condition);
	}

	@Test
	void redisStoppedMidTestFailOpenLetsThroughFailClosedRefusesAndBothRecover() throws Exception {
		PolicyRateLimiter open = PolicyRateLimiter.builder(backend).policy(POLICY).failureMode(FailureMode.FAIL_OPEN).build();
		PolicyRateLimiter closed = PolicyRateLimiter.builder(backend).policy(POLICY).failureMode(FailureMode.FAIL_CLOSED).build();
		eventually(() -> check(open).basis() == Basis.BACKEND);
		assertThat(check(closed).allowed()).isTrue();

		redis.stop();
		try {
			for (int i = 0; i < 20; i++) {
				RateLimitDecision failOpen = check(open);
				assertThat(failOpen.allowed()).isTrue();
				assertThat(failOpen.basis()).isEqualTo(Basis.FAIL_OPEN);
				RateLimitDecision failClosed = check(closed);
				assertThat(failClosed.allowed()).isFalse();
				assertThat(failClosed.basis()).isEqualTo(Basis.FAIL_CLOSED);
				assertThat(failClosed.retryAfterSeconds()).isPositive();
			}
			assertThat(open.isBackendAvailable()).isFalse();
			assertThat(closed.isBackendAvailable()).isFalse();
		}
		finally {
			redis.start();
		}

		eventually(() -> check(open).basis() == Basis.BACKEND);
		eventually(() -> check(closed).allowed());
		assertThat(check(closed).basis()).isEqualTo(Basis.BACKEND);
		assertThat(open.isBackendAvailable()).isTrue();
		assertThat(closed.isBackendAvailable()).isTrue();
		assertThat(open.fallbackCount()).isGreaterThanOrEqualTo(20);
	}

	@Test
	void slowRedisIsAnsweredByTheFailureModeWithinTheBudget() throws Exception {
		PolicyRateLimiter open = PolicyRateLimiter.builder(backend).policy(POLICY).failureMode(FailureMode.FAIL_OPEN).build();
		PolicyRateLimiter closed = PolicyRateLimiter.builder(backend).policy(POLICY).failureMode(FailureMode.FAIL_CLOSED).build();
		eventually(() -> check(open).basis() == Basis.BACKEND);
		RedisClient blocker = redis.newClient(Duration.ofSeconds(10));
		try (StatefulRedisConnection<String, String> connection = blocker.connect()) {
			// DEBUG SLEEP blocks the whole (single-threaded) server, like a slow Redis
			var sleeping = connection.async().dispatch(CommandType.DEBUG, new StatusOutput<>(StringCodec.UTF8),
					new CommandArgs<>(StringCodec.UTF8).add("SLEEP").add("1"));
			// wait until the server is busy with the sleep: decisions start failing over
			await().atMost(Duration.ofSeconds(5)).until(() -> check(open).basis() == Basis.FAIL_OPEN);
			RateLimitDecision failOpen = check(open);
			RateLimitDecision failClosed = check(closed);
			assertThat(failOpen.basis()).isEqualTo(Basis.FAIL_OPEN);
			assertThat(failOpen.allowed()).isTrue();
			assertThat(failClosed.basis()).isEqualTo(Basis.FAIL_CLOSED);
			assertThat(failClosed.allowed()).isFalse();
			sleeping.get();
		}
		finally {
			blocker.shutdown();
		}
		eventually(() -> check(open).basis() == Basis.BACKEND);
	}
}
