package dev.palisade.security.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRateLimitBackendTest {

	private static final List<LimitDefinition> FIVE_PER_TEN_SECONDS = List.of(LimitDefinition.of(5, Duration.ofSeconds(10)));

	private final MutableClock clock = new MutableClock();

	private static BucketKey key(String value) {
		return new BucketKey("p", KeyStrategy.CLIENT_IP, value);
	}

	@Test
	void aSweepKeepsAKeyThatHasNotFullyRecoveredAndItsCountWithIt() {
		LocalRateLimitBackend backend = LocalRateLimitBackend.builder().clock(this.clock).build();
		for (int i = 0; i < 5; i++) {
			backend.tryConsume(key("x"), FIVE_PER_TEN_SECONDS);
		}
		backend.cleanUp();
		this.clock.advance(Duration.ofSeconds(4));
		backend.cleanUp();
		assertThat(backend.estimatedSize()).isEqualTo(1);
		// 4 s of a 5-per-10 s greedy refill is 2 permits: the sweep forgot nothing
		assertThat(backend.tryConsume(key("x"), FIVE_PER_TEN_SECONDS)[0].remaining()).isEqualTo(1);
	}

	@Test
	void aKeyIdleForASweepIntervalIsForgottenOnceFullyRecovered() {
		LocalRateLimitBackend backend = LocalRateLimitBackend.builder().clock(this.clock).build();
		backend.tryConsume(key("x"), FIVE_PER_TEN_SECONDS);
		this.clock.advance(Duration.ofSeconds(11));
		backend.cleanUp();
		assertThat(backend.estimatedSize()).as("used since the previous sweep").isEqualTo(1);
		backend.cleanUp();
		assertThat(backend.estimatedSize()).isZero();
		assertThat(backend.tryConsume(key("x"), FIVE_PER_TEN_SECONDS)[0].remaining()).isEqualTo(4);
	}

	@Test
	void newKeysTriggerASweepOncePerInterval() {
		List<Runnable> scheduled = new ArrayList<>();
		LocalRateLimitBackend backend = LocalRateLimitBackend.builder()
			.clock(this.clock)
			.sweepInterval(Duration.ofSeconds(1))
			.executor(scheduled::add)
			.build();
		backend.tryConsume(key("a"), FIVE_PER_TEN_SECONDS);
		assertThat(scheduled).as("not due yet").isEmpty();
		this.clock.advance(Duration.ofMillis(1500));
		backend.tryConsume(key("a"), FIVE_PER_TEN_SECONDS);
		assertThat(scheduled).as("known keys never trigger a sweep").isEmpty();
		backend.tryConsume(key("b"), FIVE_PER_TEN_SECONDS);
		backend.tryConsume(key("c"), FIVE_PER_TEN_SECONDS);
		assertThat(scheduled).as("one sweep per interval").hasSize(1);
		scheduled.remove(0).run();
		this.clock.advance(Duration.ofSeconds(11));
		backend.tryConsume(key("b"), FIVE_PER_TEN_SECONDS);
		backend.tryConsume(key("d"), FIVE_PER_TEN_SECONDS);
		assertThat(scheduled).hasSize(1);
		scheduled.remove(0).run();
		// a and c sat idle since the first sweep and have recovered; b was used since, d is new
		assertThat(backend.estimatedSize()).isEqualTo(2);
		assertThat(backend.tryConsume(key("b"), FIVE_PER_TEN_SECONDS)[0].remaining()).isEqualTo(3);
	}

	@Test
	void aRejectingExecutorMakesTheCallerSweep() {
		LocalRateLimitBackend backend = LocalRateLimitBackend.builder()
			.clock(this.clock)
			.sweepInterval(Duration.ofSeconds(1))
			.executor(task -> {
				throw new java.util.concurrent.RejectedExecutionException("full");
			})
			.build();
		backend.tryConsume(key("a"), FIVE_PER_TEN_SECONDS);
		this.clock.advance(Duration.ofSeconds(11));
		backend.tryConsume(key("b"), FIVE_PER_TEN_SECONDS);
		this.clock.advance(Duration.ofSeconds(11));
		backend.tryConsume(key("c"), FIVE_PER_TEN_SECONDS);
		assertThat(backend.estimatedSize()).isEqualTo(2);
	}

	/**
	 * Requests racing a sweep that retires a full, idle key: whichever wins, the key admits its
	 * capacity and not one request more (the clock stands still, so nothing refills). The
	 * narrowest interleaving, a permit taken while the sweep decides, is forced in
	 * {@link LocalBucketsTest}; this test catches a sweep that forgets a key still counting.
	 */
	@Test
	void requestsRacingASweepAdmitExactlyTheCapacity() throws Exception {
		List<LimitDefinition> threePerSecond = List.of(LimitDefinition.of(3, Duration.ofSeconds(1)));
		ExecutorService pool = Executors.newFixedThreadPool(5);
		try {
			for (int round = 0; round < 2_000; round++) {
				LocalRateLimitBackend backend = LocalRateLimitBackend.builder().clock(this.clock).build();
				BucketKey key = key("r" + round);
				backend.tryConsume(key, threePerSecond);
				this.clock.advance(Duration.ofSeconds(2));
				backend.cleanUp();
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Integer>> requests = new ArrayList<>();
				for (int t = 0; t < 4; t++) {
					requests.add(pool.submit(() -> {
						start.await();
						int admitted = 0;
						for (int i = 0; i < 2; i++) {
							if (backend.tryConsume(key, threePerSecond)[0].allowed()) {
								admitted++;
							}
						}
						return admitted;
					}));
				}
				Future<?> sweep = pool.submit(() -> {
					start.await();
					backend.cleanUp();
					return null;
				});
				start.countDown();
				int admitted = 0;
				for (Future<Integer> request : requests) {
					admitted += request.get(10, TimeUnit.SECONDS);
				}
				sweep.get(10, TimeUnit.SECONDS);
				assertThat(admitted).as("round %d", round).isEqualTo(3);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
