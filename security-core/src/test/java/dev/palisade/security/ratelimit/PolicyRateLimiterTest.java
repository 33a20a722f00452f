package dev.palisade.security.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.palisade.security.ratelimit.LimitTesting.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyRateLimiterTest {

	private static final RateLimitRequest REQUEST = anonymous("/api", "198.51.100.7");

	private static final RateLimitPolicy POLICY = RateLimitPolicy.builder("api")
		.limit(20, Duration.ofSeconds(1), LimitAlgorithm.TOKEN_BUCKET_GREEDY)
		.limit(1000, Duration.ofDays(1), LimitAlgorithm.SLIDING_WINDOW)
		.build();

	/** A backend that fails while {@code down} is set (the SPI contract, not a server fake). */
	private final AtomicBoolean down = new AtomicBoolean(true);

	private final RateLimitBackend flaky = new RateLimitBackend() {

		private final LocalRateLimitBackend local = new LocalRateLimitBackend();

		@Override
		public LimitOutcome[] tryConsume(BucketKey key, List<LimitDefinition> limits) {
			if (PolicyRateLimiterTest.this.down.get()) {
				throw new RateLimitBackendException("connection to redis://:hunter2@cache failed",
						new IllegalStateException("password=hunter2"));
			}
			return this.local.tryConsume(key, limits);
		}

		@Override
		public String name() {
			return "flaky";
		}
	};

	private final List<LogRecord> logs = new ArrayList<>();

	private final Logger julLogger = Logger.getLogger(BackendHealth.class.getName());

	private final Handler handler = new Handler() {

		@Override
		public void publish(LogRecord record) {
			PolicyRateLimiterTest.this.logs.add(record);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	};

	@BeforeEach
	void captureLogs() {
		this.julLogger.addHandler(this.handler);
	}

	@AfterEach
	void releaseLogs() {
		this.julLogger.removeHandler(this.handler);
	}

	@Test
	void failOpenLetsRequestsThroughWhileTheBackendIsDown() {
		PolicyRateLimiter limiter = PolicyRateLimiter.builder(this.flaky).policy(POLICY).failureMode(FailureMode.FAIL_OPEN).build();
		RateLimitDecision decision = limiter.check(REQUEST);
		assertThat(decision.allowed()).isTrue();
		assertThat(decision.basis()).isEqualTo(RateLimitDecision.Basis.FAIL_OPEN);
		assertThat(decision.limit()).isEqualTo(20);
		assertThat(decision.policy()).isEqualTo("api");
		assertThat(limiter.isBackendAvailable()).isFalse();
	}

	@Test
	void failClosedRefusesWithRetryAfter() {
		PolicyRateLimiter limiter = PolicyRateLimiter.builder(this.flaky)
			.policy(POLICY)
			.failureMode(FailureMode.FAIL_CLOSED)
			.failClosedRetryAfter(Duration.ofSeconds(5))
			.build();
		RateLimitDecision decision = limiter.check(REQUEST);
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.basis()).isEqualTo(RateLimitDecision.Basis.FAIL_CLOSED);
		assertThat(decision.retryAfterSeconds()).isEqualTo(5);
		assertThat(decision.resetSeconds()).as("reset agrees with Retry-After").isEqualTo(5);
	}

	@Test
	void outageIsLoggedAndSignalledOncePerStateChangeNotPerRequest() {
		AtomicInteger unavailable = new AtomicInteger();
		AtomicInteger recovered = new AtomicInteger();
		AtomicInteger fallbacks = new AtomicInteger();
		PolicyRateLimiter limiter = PolicyRateLimiter.builder(this.flaky).policy(POLICY).healthListener(new RateLimiterHealthListener() {
			@Override
			public void backendUnavailable(String backend, Throwable cause) {
				unavailable.incrementAndGet();
			}

			@Override
			public void backendRecovered(String backend) {
				recovered.incrementAndGet();
			}

			@Override
			public void fallbackDecision(String backend, FailureMode mode) {
				fallbacks.incrementAndGet();
			}
		}).build();
		for (int i = 0; i < 100; i++) {
			limiter.check(REQUEST);
		}
		assertThat(unavailable).hasValue(1);
		assertThat(fallbacks).hasValue(100);
		assertThat(limiter.fallbackCount()).isEqualTo(100);
		assertThat(this.logs).hasSize(1);
		this.down.set(false);
		for (int i = 0; i < 10; i++) {
			assertThat(limiter.check(REQUEST).basis()).isEqualTo(RateLimitDecision.Basis.BACKEND);
		}
		assertThat(recovered).hasValue(1);
		assertThat(limiter.isBackendAvailable()).isTrue();
		assertThat(this.logs).hasSize(2);
	}

	@Test
	void outageLogLineCarriesNoSecretsFromTheCause() {
		PolicyRateLimiter limiter = PolicyRateLimiter.builder(this.flaky).policy(POLICY).build();
		limiter.check(REQUEST);
		assertThat(this.logs).hasSize(1);
		LogRecord record = this.logs.get(0);
		String rendered = java.text.MessageFormat.format(record.getMessage(), record.getParameters());
		assertThat(rendered).contains("flaky").contains("FAIL_OPEN").doesNotContain("hunter2");
		assertThat(record.getThrown()).isNull();
	}

	@Test
	void unexpectedBackendErrorsAlsoFollowTheFailureMode() {
		RateLimitBackend broken = new RateLimitBackend() {
			@Override
			public LimitOutcome[] tryConsume(BucketKey key, List<LimitDefinition> limits) {
				throw new IllegalStateException("bug");
			}

			@Override
			public String name() {
				return "broken";
			}
		};
		PolicyRateLimiter limiter = PolicyRateLimiter.builder(broken).policy(POLICY).failureMode(FailureMode.FAIL_CLOSED).build();
		assertThat(limiter.check(REQUEST).allowed()).isFalse();
	}

	@Test
	void combineReportsTheRefusingLimitWithTheLongestWait() {
		LimitOutcome okFew = new LimitOutcome(true, 100, 3, 10, 0);
		LimitOutcome refusedShort = new LimitOutcome(false, 20, 0, 50, 1_000);
		LimitOutcome refusedLong = new LimitOutcome(false, 1000, 0, 90, 9_000);
		RateLimitDecision decision = PolicyRateLimiter.combine("p", new LimitOutcome[] { okFew, refusedShort, refusedLong });
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.limit()).isEqualTo(1000);
		assertThat(decision.limitIndex()).isEqualTo(2);
		assertThat(decision.retryAfter()).isEqualTo(Duration.ofNanos(9_000));
		RateLimitDecision allowed = PolicyRateLimiter.combine("p",
				new LimitOutcome[] { new LimitOutcome(true, 20, 19, 1, 0), okFew, new LimitOutcome(true, 5, 3, 2, 0) });
		assertThat(allowed.allowed()).isTrue();
		assertThat(allowed.limit()).isEqualTo(5);
		assertThat(allowed.limitIndex()).isEqualTo(2);
		assertThat(allowed.remaining()).isEqualTo(3);
		assertThat(allowed.retryAfter()).isZero();
	}

	@Test
	void duplicatePolicyNamesAreRejectedBecauseTheyWouldShareBuckets() {
		assertThatThrownBy(() -> PolicyRateLimiter.builder(new LocalRateLimitBackend()).policy(POLICY).policy(POLICY).build())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("api");
	}

	@Test
	void invalidConfigurationFailsAtStartUp() {
		assertThatThrownBy(() -> RateLimitPolicy.builder("bad name")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> RateLimitPolicy.builder("p").build()).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new LimitDefinition(0, Duration.ofSeconds(1), LimitAlgorithm.LEAKY_BUCKET))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> LimitDefinition.of(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> LimitDefinition.of(2_000_000, Duration.ofMillis(1))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("nanosecond");
		assertThatThrownBy(() -> RateLimitPolicy.builder("p").paths("no-slash").limit(LimitDefinition.of(1, Duration.ofSeconds(1))).build())
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new RateLimitRequest(null, "GET", null, null, null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void decisionSecondsRoundUp() {
		RateLimitDecision decision = new RateLimitDecision(false, "p", 1, 0, Duration.ofMillis(1500), Duration.ofMillis(1),
				RateLimitDecision.Basis.BACKEND);
		assertThat(decision.resetSeconds()).isEqualTo(2);
		assertThat(decision.retryAfterSeconds()).isEqualTo(1);
		RateLimitDecision zeroWait = new RateLimitDecision(false, "p", 1, 0, Duration.ZERO, Duration.ZERO,
				RateLimitDecision.Basis.BACKEND);
		assertThat(zeroWait.retryAfterSeconds()).isEqualTo(1);
	}
}
