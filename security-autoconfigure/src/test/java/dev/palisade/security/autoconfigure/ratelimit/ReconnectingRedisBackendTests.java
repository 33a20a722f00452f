package dev.palisade.security.autoconfigure.ratelimit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.palisade.security.ratelimit.BucketKey;
import dev.palisade.security.ratelimit.KeyStrategy;
import dev.palisade.security.ratelimit.LimitDefinition;
import dev.palisade.security.ratelimit.RateLimitBackendException;
import dev.palisade.security.ratelimit.RateLimitDecision;
import dev.palisade.security.ratelimit.RateLimitDecision.Basis;
import dev.palisade.security.ratelimit.RateLimitRequest;
import dev.palisade.security.ratelimit.RateLimiter;
import dev.palisade.security.ratelimit.redis.RedisRateLimitBackend;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class ReconnectingRedisBackendTests {

	private static final BucketKey KEY = new BucketKey("p", KeyStrategy.CLIENT_IP, "192.0.2.1");

	private static final List<LimitDefinition> LIMITS = List.of(LimitDefinition.of(5, Duration.ofMinutes(1)));

	/** First attempt fails at once; every later one never ends (a silent Redis without Lettuce's timeouts). */
	private static Supplier<CompletableFuture<RedisRateLimitBackend>> failsThenHangs(AtomicInteger attempts) {
		return () -> (attempts.incrementAndGet() == 1)
				? CompletableFuture.failedFuture(new IllegalStateException("refused"))
				: new CompletableFuture<>();
	}

	@Test
	void concurrentDecisionsShareOneAttemptAndFailAtOnceWhileItRuns() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		ReconnectingRedisBackend backend = new ReconnectingRedisBackend(failsThenHangs(attempts),
				Duration.ofMinutes(10), Duration.ZERO);
		assertThat(attempts).hasValue(1);
		int callers = 8;
		CountDownLatch ready = new CountDownLatch(callers);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Future<Throwable>> failures = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				failures.add(pool.submit(() -> {
					ready.countDown();
					ready.await();
					try {
						backend.tryConsume(KEY, LIMITS);
						return null;
					}
					catch (RuntimeException ex) {
						return ex;
					}
				}));
			}
			for (Future<Throwable> failure : failures) {
				// the hanging attempt would block any caller that waited for it; none may
				assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(RateLimitBackendException.class);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(attempts).as("one attempt in flight at a time").hasValue(2);
		assertThat(backend.isConnected()).isFalse();
	}

	@Test
	void noNewAttemptBeforeTheRetryIntervalHasPassed() {
		AtomicInteger attempts = new AtomicInteger();
		ReconnectingRedisBackend backend = new ReconnectingRedisBackend(failsThenHangs(attempts),
				Duration.ofMinutes(10), Duration.ofHours(1));
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(RateLimitBackendException.class).isThrownBy(() -> backend.tryConsume(KEY, LIMITS));
		}
		assertThat(attempts).hasValue(1);
	}

	@Test
	void attemptThatOutlivesItsTimeoutCountsAsFailedAndIsRetried() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		ReconnectingRedisBackend backend = new ReconnectingRedisBackend(() -> {
			attempts.incrementAndGet();
			return new CompletableFuture<>();
		}, Duration.ofMillis(20), Duration.ZERO);
		// every decision fails at once while attempts time out and new ones start
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> {
			assertThatExceptionOfType(RateLimitBackendException.class).isThrownBy(() -> backend.tryConsume(KEY, LIMITS));
			assertThat(attempts.get()).isGreaterThanOrEqualTo(3);
		});
	}

	@Test
	void startsWhileRedisIsDownAndEnforcesOnceItComesUp() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
			.setting("appendonly no").build();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PalisadeRateLimitAutoConfiguration.class))
			.withPropertyValues("palisade.rate-limit.backend=redis", "palisade.rate-limit.redis.uri=redis://127.0.0.1:" + port,
					"palisade.rate-limit.failure-mode=fail-closed", "palisade.rate-limit.pre-auth-policies[0].name=ip",
					"palisade.rate-limit.pre-auth-policies[0].limits[0].capacity=1000",
					"palisade.rate-limit.pre-auth-policies[0].limits[0].period=1m")
			.run((context) -> {
				RateLimiter limiter = context.getBean(PalisadeRateLimitAutoConfiguration.PRE_AUTHENTICATION_LIMITER,
						RateLimiter.class);
				RateLimitRequest request = new RateLimitRequest("/auth/token", "GET", null, null,
						InetAddress.getByName("192.0.2.2"));
				assertThat(limiter.check(request).basis()).isEqualTo(Basis.FAIL_CLOSED);
				redis.start();
				try {
					// the background attempt connects once Redis answers
					RateLimitDecision decision = await().atMost(Duration.ofSeconds(30))
						.until(() -> limiter.check(request), (answer) -> answer.basis() == Basis.BACKEND);
					assertThat(decision.allowed()).isTrue();
					assertThat(context.getBean(ReconnectingRedisBackend.class).isConnected()).isTrue();
				}
				finally {
					stopQuietly(redis);
				}
			});
	}

	private static void stopQuietly(RedisServer redis) {
		try {
			redis.stop();
		}
		catch (IOException ex) {
			// the test outcome is already decided
		}
	}
}
