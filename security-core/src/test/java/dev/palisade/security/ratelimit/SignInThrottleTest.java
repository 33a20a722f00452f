package dev.palisade.security.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInThrottleTest {

	private final MutableClock clock = new MutableClock();

	private final SignInThrottle throttle = SignInThrottle.builder()
		.freeAttempts(3)
		.baseDelay(Duration.ofSeconds(1))
		.maxDelay(Duration.ofSeconds(30))
		.forgetAfter(Duration.ofMinutes(15))
		.clock(this.clock)
		.build();

	/** Fails once as soon as the throttle allows, and returns the block that follows. */
	private Duration failWhenAllowed(String username) {
		SignInVerdict verdict = this.throttle.check(username);
		if (!verdict.allowed()) {
			this.clock.advance(verdict.retryAfter());
		}
		assertThat(this.throttle.check(username).allowed()).isTrue();
		this.throttle.recordFailure(username);
		return this.throttle.check(username).retryAfter();
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
		SignInVerdict verdict = this.throttle.check("alice");
		assertThat(verdict.allowed()).isFalse();
		assertThat(verdict.retryAfterSeconds()).isEqualTo(1);
	}

	@Test
	void attackerHammeringAVictimNeverLocksItOutLongerThanTheCap() {
		for (int i = 0; i < 1000; i++) {
			this.throttle.recordFailure("victim"); // failures reported during a block do not count
			this.clock.advance(Duration.ofMillis(10));
		}
		for (int i = 0; i < 50; i++) {
			failWhenAllowed("victim");
		}
		SignInVerdict verdict = this.throttle.check("victim");
		assertThat(verdict.retryAfter()).isLessThanOrEqualTo(Duration.ofSeconds(30));
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.throttle.check("victim").allowed()).isTrue();
	}

	@Test
	void failuresDuringABlockDoNotExtendIt() {
		for (int i = 0; i < 4; i++) {
			failWhenAllowed("alice");
		}
		int counted = this.throttle.failureCount("alice");
		for (int i = 0; i < 100; i++) {
			this.throttle.recordFailure("alice");
		}
		assertThat(this.throttle.failureCount("alice")).isEqualTo(counted);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.check("alice").allowed()).isTrue();
	}

	@Test
	void successResetsTheCount() {
		for (int i = 0; i < 6; i++) {
			failWhenAllowed("alice");
		}
		this.throttle.recordSuccess("alice");
		assertThat(this.throttle.check("alice").allowed()).isTrue();
		assertThat(this.throttle.failureCount("alice")).isZero();
		assertThat(failWhenAllowed("alice")).isZero();
	}

	@Test
	void failuresDecayAfterQuietTime() {
		for (int i = 0; i < 8; i++) {
			failWhenAllowed("alice");
		}
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(this.throttle.failureCount("alice")).isZero();
		assertThat(failWhenAllowed("alice")).isZero();
	}

	@Test
	void usernamesAreThrottledSeparatelyButVariantsOfOneNameShareAThrottle() {
		for (int i = 0; i < 4; i++) {
			failWhenAllowed("alice");
		}
		assertThat(this.throttle.check("bob").allowed()).isTrue();
		assertThat(this.throttle.check(" ALICE ").allowed()).isFalse();
		assertThat(this.throttle.check("\uFF21lice").allowed()).isFalse(); // full-width A, NFKC-normalised
	}

	@Test
	void blankUsernamesAreACleanRejection() {
		assertThatThrownBy(() -> this.throttle.check(" ")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.throttle.recordFailure(null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void memoryIsBounded() {
		SignInThrottle small = SignInThrottle.builder().maximumUsernames(10).clock(this.clock).build();
		for (int i = 0; i < 1000; i++) {
			small.recordFailure("user" + i);
		}
		int tracked = 0;
		for (int i = 0; i < 1000; i++) {
			tracked += (small.failureCount("user" + i) > 0) ? 1 : 0;
		}
		assertThat(tracked).isLessThanOrEqualTo(10);
	}

	@Test
	void inconsistentDelaysFailAtStartUp() {
		assertThatThrownBy(() -> SignInThrottle.builder().baseDelay(Duration.ofMinutes(1)).maxDelay(Duration.ofSeconds(1)).build())
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SignInThrottle.builder().forgetAfter(Duration.ofSeconds(10)).build())
			.isInstanceOf(IllegalArgumentException.class);
	}
}
