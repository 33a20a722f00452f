package dev.palisade.security.autoconfigure.ratelimit;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.palisade.security.ratelimit.RateLimitDecision;
import dev.palisade.security.ratelimit.RateLimitDecision.Basis;
import dev.palisade.security.ratelimit.RateLimitRequest;
import dev.palisade.security.ratelimit.RateLimiter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The Redis backend keeps its time budget (50 ms by default) while Redis cannot answer: the
 * application starts without waiting for Redis, and concurrent decisions are answered by the
 * failure mode at once instead of queueing behind connection attempts.
 */
class RedisUnavailableBudgetTests {

	/** The bound the feature promises for one decision, with generous slack over the 50 ms budget. */
	private static final Duration DECISION_BOUND = Duration.ofSeconds(1);

	/** Start-up may wait about one budget for Redis; generous for a cold JVM on a loaded machine. */
	private static final Duration START_BOUND = Duration.ofSeconds(5);

	/** Hang guard, so a regression fails instead of blocking for minutes (Lettuce's default is 60 s). */
	private static final Duration HANG_GUARD = Duration.ofSeconds(30);

	private static final int CALLERS = 8;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeRateLimitAutoConfiguration.class));

	@ParameterizedTest
	@ValueSource(strings = { "fail-open", "fail-closed" })
	void silentRedisThatAcceptsConnectionsButNeverAnswers(String failureMode) throws Exception {
		// the backlog completes the TCP handshake; nothing ever reads or writes
		try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			assertAnsweredByTheFailureModeWithinTheBudget(blackHole.getLocalPort(), failureMode);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "fail-open", "fail-closed" })
	void nothingListeningOnThePort(String failureMode) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		assertAnsweredByTheFailureModeWithinTheBudget(port, failureMode);
	}

	private void assertAnsweredByTheFailureModeWithinTheBudget(int port, String failureMode) {
		ApplicationContextRunner redis = this.runner.withPropertyValues("palisade.rate-limit.backend=redis",
				"palisade.rate-limit.redis.uri=redis://127.0.0.1:" + port,
				"palisade.rate-limit.failure-mode=" + failureMode,
				"palisade.rate-limit.pre-auth-policies[0].name=ip",
				"palisade.rate-limit.pre-auth-policies[0].limits[0].capacity=5",
				"palisade.rate-limit.pre-auth-policies[0].limits[0].period=1m");
		assertTimeoutPreemptively(HANG_GUARD, () -> {
			long starting = System.nanoTime();
			redis.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Duration.ofNanos(System.nanoTime() - starting)).isLessThan(START_BOUND);
				RateLimiter limiter = context.getBean(PalisadeRateLimitAutoConfiguration.PRE_AUTHENTICATION_LIMITER,
						RateLimiter.class);
				// let the next connection attempt fall due, so the decisions below meet it
				ReconnectingRedisBackend backend = context.getBean(ReconnectingRedisBackend.class);
				await().atMost(Duration.ofSeconds(10)).until(backend::isAttemptDue);
				for (TimedDecision timed : concurrentDecisions(limiter)) {
					assertThat(timed.waited()).isLessThan(DECISION_BOUND);
					if (failureMode.equals("fail-open")) {
						assertThat(timed.decision().allowed()).isTrue();
						assertThat(timed.decision().basis()).isEqualTo(Basis.FAIL_OPEN);
					}
					else {
						assertThat(timed.decision().allowed()).isFalse();
						assertThat(timed.decision().basis()).isEqualTo(Basis.FAIL_CLOSED);
					}
				}
			});
		});
	}

	private static List<TimedDecision> concurrentDecisions(RateLimiter limiter) throws Exception {
		RateLimitRequest request = new RateLimitRequest("/auth/token", "GET", null, null,
				InetAddress.getByName("192.0.2.1"));
		ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
		try {
			List<Future<TimedDecision>> futures = new ArrayList<>();
			for (int i = 0; i < CALLERS; i++) {
				futures.add(callers.submit(() -> {
					long start = System.nanoTime();
					RateLimitDecision decision = limiter.check(request);
					return new TimedDecision(decision, Duration.ofNanos(System.nanoTime() - start));
				}));
			}
			List<TimedDecision> decisions = new ArrayList<>();
			for (Future<TimedDecision> future : futures) {
				decisions.add(future.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS));
			}
			return decisions;
		}
		finally {
			callers.shutdownNow();
		}
	}

	private record TimedDecision(RateLimitDecision decision, Duration waited) {
	}
}
