package dev.palisade.security.ratelimit.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.palisade.security.ratelimit.FailureMode;
import dev.palisade.security.ratelimit.KeyStrategy;
import dev.palisade.security.ratelimit.LimitAlgorithm;
import dev.palisade.security.ratelimit.LimitTesting;
import dev.palisade.security.ratelimit.MutableClock;
import dev.palisade.security.ratelimit.PolicyRateLimiter;
import dev.palisade.security.ratelimit.RateLimitDecision;
import dev.palisade.security.ratelimit.RateLimitPolicy;
import dev.palisade.security.ratelimit.RateLimitRequest;
import dev.palisade.security.ratelimit.RateLimiter;
import io.lettuce.core.RedisClient;

import static dev.palisade.security.ratelimit.LimitTesting.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

class RedisRateLimitBackendTest {

	private static EmbeddedRedis redis;

	private final MutableClock clock = new MutableClock();

	private final List<RedisClient> clients = new ArrayList<>();

	private final List<RedisRateLimitBackend> backends = new ArrayList<>();

	/** A fresh key space per test, so tests sharing the server never see each other's buckets. */
	private final String prefix = "test:" + UUID.randomUUID() + ":";

	private static final RateLimitRequest REQUEST = anonymous("/api", "198.51.100.7");

	@BeforeAll
	static void startRedis() {
		redis = new EmbeddedRedis();
	}

	@AfterAll
	static void stopRedis() throws Exception {
		redis.close();
	}

	@AfterEach
	void closeClients() {
		this.backends.forEach(RedisRateLimitBackend::close);
		this.clients.forEach(RedisClient::shutdown);
	}

	/** A limiter with its own Redis client, as a separate service instance would have. */
	private PolicyRateLimiter instance(RateLimitPolicy policy) {
		// generous budget: these tests are about counting, not about timeouts, on a loaded machine
		RedisClient client = redis.newClient(Duration.ofSeconds(10));
		this.clients.add(client);
		RedisRateLimitBackend backend = RedisRateLimitBackend.builder(client)
			.clock(this.clock)
			.keyPrefix(this.prefix)
			.timeBudget(Duration.ofSeconds(10))
			.build();
		this.backends.add(backend);
		return PolicyRateLimiter.builder(backend).policy(policy).failureMode(FailureMode.FAIL_CLOSED).build();
	}

	private static RateLimitPolicy policy(long capacity, Duration period, LimitAlgorithm algorithm) {
		return RateLimitPolicy.builder("api").keyBy(KeyStrategy.CLIENT_IP).limit(capacity, period, algorithm).build();
	}

	private static int drain(RateLimiter limiter, int max) {
		int admitted = 0;
		for (int i = 0; i < max; i++) {
			if (limiter.check(REQUEST).allowed()) {
				admitted++;
			}
		}
		return admitted;
	}

	@ParameterizedTest
	@EnumSource(LimitAlgorithm.class)
	void twoInstancesSharingRedisAdmitTheLimitTogetherNotTwice(LimitAlgorithm algorithm) throws Exception {
		RateLimitPolicy policy = policy(1000, Duration.ofHours(1), algorithm);
		PolicyRateLimiter first = instance(policy);
		PolicyRateLimiter second = instance(policy);
		int admitted = LimitTesting.admittedConcurrently(List.of(first, second), REQUEST, 32, 100);
		assertThat(admitted).isEqualTo(1000);
		assertThat(first.fallbackCount() + second.fallbackCount()).isZero();
	}

	@Test
	void greedyRefillFollowsTheClock() {
		PolicyRateLimiter limiter = instance(policy(10, Duration.ofSeconds(1), LimitAlgorithm.TOKEN_BUCKET_GREEDY));
		assertThat(drain(limiter, 20)).isEqualTo(10);
		RateLimitDecision refused = limiter.check(REQUEST);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.basis()).isEqualTo(RateLimitDecision.Basis.BACKEND);
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(100));
		this.clock.advance(Duration.ofMillis(100));
		assertThat(drain(limiter, 20)).isEqualTo(1);
	}

	@Test
	void slidingWindowOnRedisBehavesLikeTheLocalOne() {
		PolicyRateLimiter limiter = instance(policy(10, Duration.ofSeconds(1), LimitAlgorithm.SLIDING_WINDOW));
		this.clock.advance(Duration.ofMillis(900));
		assertThat(drain(limiter, 20)).isEqualTo(10);
		this.clock.advance(Duration.ofMillis(100));
		RateLimitDecision refused = limiter.check(REQUEST);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(100));
		assertThat(refused.limit()).isEqualTo(10);
		this.clock.advance(Duration.ofMillis(100));
		assertThat(drain(limiter, 20)).isEqualTo(1);
		this.clock.advance(Duration.ofMillis(400));
		assertThat(drain(limiter, 20)).isEqualTo(4);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(drain(limiter, 20)).isEqualTo(10);
	}

	@Test
	void severalLimitsOnRedisRefundWhenOneRefuses() {
		PolicyRateLimiter limiter = instance(RateLimitPolicy.builder("api")
			.limit(3, Duration.ofSeconds(1), LimitAlgorithm.TOKEN_BUCKET_INTERVAL)
			.limit(5, Duration.ofMinutes(1), LimitAlgorithm.SLIDING_WINDOW)
			.build());
		assertThat(drain(limiter, 10)).isEqualTo(3);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(drain(limiter, 10)).isEqualTo(2);
		RateLimitDecision perMinute = limiter.check(REQUEST);
		assertThat(perMinute.limit()).isEqualTo(5);
		this.clock.advance(Duration.ofMinutes(2));
		// refunds are fire-and-forget, but on one connection they are applied before the next command
		assertThat(drain(limiter, 10)).isEqualTo(3);
	}

	@Test
	void keysHoldAHashOfTheCallerNotTheCallerItself() {
		PolicyRateLimiter limiter = instance(policy(10, Duration.ofSeconds(1), LimitAlgorithm.SLIDING_WINDOW));
		limiter.check(REQUEST);
		RedisClient client = redis.newClient(Duration.ofSeconds(10));
		this.clients.add(client);
		try (var connection = client.connect()) {
			List<String> keys = connection.sync().keys(this.prefix + "*");
			assertThat(keys).hasSize(1);
			assertThat(keys.get(0)).startsWith(this.prefix + "api:").doesNotContain("198.51.100.7");
			assertThat(connection.sync().pttl(keys.get(0))).isPositive();
		}
	}
}
