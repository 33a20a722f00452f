package dev.palisade.security.ratelimit;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.palisade.security.net.IpAddresses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInThrottleTest {

	private static final InetAddress HOME = IpAddresses.parse("192.0.2.10");

	private final MutableClock clock = new MutableClock();

	/** The per-address backoff alone: the username budget (SignInThrottleLockoutTest) is out of the way. */
	private final SignInThrottle throttle = SignInThrottle.builder()
		.freeAttempts(3)
		.baseDelay(Duration.ofSeconds(1))
		.maxDelay(Duration.ofSeconds(30))
		.forgetAfter(Duration.ofMinutes(15))
		.usernameBudget(1_000, Duration.ofSeconds(1))
		.clock(this.clock)
		.build();

	/** Fails once as soon as the throttle allows, and returns the block that follows. */
	private Duration failWhenAllowed(String username) {
		admitWhenAllowed(username).failed();
		return this.throttle.blockedFor(username, HOME);
	}

	/** Waits out any block, then returns an admitted attempt. */
	private SignInAttempt admitWhenAllowed(String username) {
		this.clock.advance(this.throttle.blockedFor(username, HOME));
		SignInAttempt attempt = this.throttle.attempt(username, HOME);
		assertThat(attempt.allowed()).isTrue();
		return attempt;
	}

	@Test
	void firstFailuresAreFree() {
		for (int i = 0; i < 3; i++) {
			assertThat(failWhenAllowed("alice")).isZero();
		}
	}

	@Test
	void backoffGrowsExponentiallyAndCaps() {
		for (int i = 0; i < 3; i++) {
			failWhenAllowed("alice");
		}
		assertThat(failWhenAllowed("alice")).isEqualTo(Duration.ofSeconds(1));
		assertThat(failWhenAllowed("alice")).isEqualTo(Duration.ofSeconds(2));
		assertThat(failWhenAllowed("alice")).isEqualTo(Duration.ofSeconds(4));
		assertThat(failWhenAllowed("alice")).isEqualTo(Duration.ofSeconds(8));
		assertThat(failWhenAllowed("alice")).isEqualTo(Duration.ofSeconds(16));
		assertThat(failWhenAllowed("alice")).isEqualTo(Duration.ofSeconds(30));
		for (int i = 0; i < 100; i++) {
			assertThat(failWhenAllowed("alice")).isEqualTo(Duration.ofSeconds(30));
		}
	}

	@Test
	void refusedVerdictCarriesRetryAfter() {
		for (int i = 0; i < 4; i++) {
			failWhenAllowed("alice");
		}
		SignInAttempt refused = this.throttle.attempt("alice", HOME);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.verdict().retryAfterSeconds()).isEqualTo(1);
	}

	@Test
	void attackerHammeringAVictimNeverLocksItOutLongerThanTheCap() {
		for (int i = 0; i < 1000; i++) {
			this.throttle.attempt("victim", HOME).failed(); // attempts refused during a block do not count
			this.clock.advance(Duration.ofMillis(10));
		}
		for (int i = 0; i < 50; i++) {
			failWhenAllowed("victim");
		}
		assertThat(this.throttle.attempt("victim", HOME).verdict().retryAfter())
			.isLessThanOrEqualTo(Duration.ofSeconds(30));
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.throttle.attempt("victim", HOME).allowed()).isTrue();
	}

	@Test
	void refusedAttemptsDuringABlockDoNotExtendIt() {
		for (int i = 0; i < 4; i++) {
			failWhenAllowed("alice");
		}
		int counted = this.throttle.failureCount("alice", HOME);
		for (int i = 0; i < 100; i++) {
			SignInAttempt refused = this.throttle.attempt("alice", HOME);
			assertThat(refused.allowed()).isFalse();
			refused.failed();
		}
		assertThat(this.throttle.failureCount("alice", HOME)).isEqualTo(counted);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.attempt("alice", HOME).allowed()).isTrue();
	}

	@Test
	void successResetsTheCount() {
		for (int i = 0; i < 6; i++) {
			failWhenAllowed("alice");
		}
		admitWhenAllowed("alice").succeeded();
		assertThat(this.throttle.blockedFor("alice", HOME)).isZero();
		assertThat(this.throttle.failureCount("alice", HOME)).isZero();
		assertThat(failWhenAllowed("alice")).isZero();
	}

	@Test
	void anAdmittedAttemptCountsAsAFailureUntilItSucceeds() {
		SignInAttempt attempt = this.throttle.attempt("alice", HOME);
		assertThat(this.throttle.failureCount("alice", HOME)).isOne();
		attempt.succeeded();
		assertThat(this.throttle.failureCount("alice", HOME)).isZero();
	}

	@Test
	void anAttemptNeverSettledStaysCountedAsAFailure() {
		for (int i = 0; i < 4; i++) {
			assertThat(this.throttle.attempt("alice", HOME).allowed()).isTrue(); // e.g. the password check threw
		}
		assertThat(this.throttle.failureCount("alice", HOME)).isEqualTo(4);
		assertThat(this.throttle.attempt("alice", HOME).allowed()).isFalse();
	}

	@Test
	void settlingIsOneShotAndARefusedAttemptCannotClearFailures() {
		for (int i = 0; i < 4; i++) {
			failWhenAllowed("alice");
		}
		SignInAttempt refused = this.throttle.attempt("alice", HOME);
		refused.succeeded();
		assertThat(this.throttle.failureCount("alice", HOME)).isEqualTo(4);
		SignInAttempt failed = admitWhenAllowed("alice");
		failed.failed();
		failed.succeeded();
		assertThat(this.throttle.failureCount("alice", HOME)).isEqualTo(5);
	}

	@Test
	void failuresDecayAfterQuietTime() {
		for (int i = 0; i < 8; i++) {
			failWhenAllowed("alice");
		}
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(this.throttle.failureCount("alice", HOME)).isZero();
		assertThat(failWhenAllowed("alice")).isZero();
	}

	@Test
	void usernamesAreThrottledSeparatelyButVariantsOfOneNameShareAThrottle() {
		for (int i = 0; i < 4; i++) {
			failWhenAllowed("alice");
		}
		assertThat(this.throttle.attempt("bob", HOME).allowed()).isTrue();
		assertThat(this.throttle.attempt(" ALICE ", HOME).allowed()).isFalse();
		assertThat(this.throttle.attempt("\uFF21lice", HOME).allowed()).isFalse(); // full-width A, NFKC-normalised
	}

	@Test
	void blankUsernamesAreACleanRejection() {
		assertThatThrownBy(() -> this.throttle.attempt(" ", HOME)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.throttle.attempt(null, HOME)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.throttle.attempt("alice", null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void memoryIsBounded() {
		SignInThrottle small = SignInThrottle.builder().maximumUsernames(10).clock(this.clock).build();
		for (int i = 0; i < 1000; i++) {
			small.attempt("user" + i, HOME).failed();
		}
		int tracked = 0;
		for (int i = 0; i < 1000; i++) {
			tracked += (small.failureCount("user" + i, HOME) > 0) ? 1 : 0;
		}
		assertThat(tracked).isLessThanOrEqualTo(10);
	}

	@Test
	void parallelGuessesAreAdmittedOnlyUpToTheThrottle() throws Exception {
		int threads = 16;
		CountDownLatch start = new CountDownLatch(1);
		// every guess is admitted or refused before any password check ends, as with a slow hash
		CountDownLatch allDecided = new CountDownLatch(threads);
		AtomicInteger admitted = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> guesses = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				guesses.add(pool.submit(() -> {
					start.await();
					SignInAttempt attempt = this.throttle.attempt("alice", HOME);
					allDecided.countDown();
					allDecided.await();
					if (attempt.allowed()) {
						admitted.incrementAndGet();
						attempt.failed();
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> guess : guesses) {
				guess.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		// 3 free attempts, then the 4th starts a block: the clock does not move, so no more are admitted
		assertThat(admitted).hasValue(4);
		assertThat(this.throttle.failureCount("alice", HOME)).isEqualTo(4);
	}

	@Test
	void inconsistentDelaysFailAtStartUp() {
		assertThatThrownBy(() -> SignInThrottle.builder().baseDelay(Duration.ofMinutes(1)).maxDelay(Duration.ofSeconds(1)).build())
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SignInThrottle.builder().forgetAfter(Duration.ofSeconds(10)).build())
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SignInThrottle.builder().overBudgetDelay(Duration.ofMinutes(15)).build())
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SignInThrottle.builder().usernameBudget(0, Duration.ofMinutes(1)).build())
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SignInThrottle.builder().usernameBudget(1_000, Duration.ofDays(1)).build())
			.isInstanceOf(IllegalArgumentException.class);
	}
}
