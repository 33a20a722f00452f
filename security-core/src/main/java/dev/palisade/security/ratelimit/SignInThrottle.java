package dev.palisade.security.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows down repeated sign-in failures for one username, separately from any per-IP limit.
 * After {@code freeAttempts} failures, each further failure blocks the username for
 * {@code baseDelay * 2^(n-1)}, capped at {@code maxDelay}; failures are forgotten
 * {@code forgetAfter} after the last one, and a success clears them.
 * <p>
 * Admission and counting are one atomic step ({@link #attempt(String)}): an admitted attempt
 * counts as a failure until it is settled as a success, so N parallel guesses get no more tries
 * than N sequential ones.
 * <p>
 * An attacker cannot lock a victim out for long: the wait is never longer than
 * {@code maxDelay} from the last counted failure, and refused attempts are not counted and do not
 * extend the block. Memory is bounded ({@code maximumUsernames}); usernames are held only as
 * hashes. Thread-safe.
 * <p>
 * Use: {@link #attempt(String)} before verifying a password; refuse with 429 and
 * {@code Retry-After} if not {@link SignInAttempt#allowed()}; afterwards call
 * {@link SignInAttempt#succeeded()} or {@link SignInAttempt#failed()}.
 */
public final class SignInThrottle {

	private final int freeAttempts;

	private final long baseDelayMillis;

	private final long maxDelayMillis;

	private final long forgetAfterMillis;

	private final Clock clock;

	private final Cache<UsernameKey, Failures> failures;

	private SignInThrottle(Builder builder) {
		this.freeAttempts = builder.freeAttempts;
		this.baseDelayMillis = builder.baseDelay.toMillis();
		this.maxDelayMillis = builder.maxDelay.toMillis();
		this.forgetAfterMillis = builder.forgetAfter.toMillis();
		this.clock = builder.clock;
		Clock clock = builder.clock;
		this.failures = Caffeine.newBuilder()
			.maximumSize(builder.maximumUsernames)
			// evict on the calling thread: the bound holds exactly, even under a flood of new usernames
			.executor(Runnable::run)
			.expireAfterWrite(this.forgetAfterMillis, TimeUnit.MILLISECONDS)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build();
	}

	/** Starts a throttle: 3 free attempts, 1 s base delay, 30 s cap, forgotten after 15 min. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Admits or refuses a sign-in attempt for {@code username}, in one atomic step: an admitted
	 * attempt is counted as a failure (and may start a block) before this returns, so parallel
	 * guesses cannot all slip through before the first failure is recorded. A refused attempt
	 * changes nothing. Settle an admitted attempt with {@link SignInAttempt#succeeded()} or
	 * {@link SignInAttempt#failed()} once the password is checked.
	 * @throws IllegalArgumentException if {@code username} is null or blank
	 */
	public SignInAttempt attempt(String username) {
		UsernameKey key = UsernameKey.of(username);
		SignInVerdict[] verdict = new SignInVerdict[1];
		this.failures.asMap().compute(key, (k, state) -> {
			long now = this.clock.millis();
			if (state == null || isForgotten(state, now)) {
				verdict[0] = SignInVerdict.ALLOWED;
				return new Failures(1, now, now + delayMillis(1));
			}
			if (now < state.blockedUntil) {
				// refused attempts are not counted and do not extend the block
				verdict[0] = new SignInVerdict(false, Duration.ofMillis(state.blockedUntil - now));
				return state;
			}
			verdict[0] = SignInVerdict.ALLOWED;
			int count = (state.count < Integer.MAX_VALUE) ? state.count + 1 : state.count;
			return new Failures(count, now, now + delayMillis(count));
		});
		return new SignInAttempt(this, key, verdict[0]);
	}

	/** Forgets the failures of a username after a successful sign-in. */
	void clear(UsernameKey key) {
		this.failures.invalidate(key);
	}

	/**
	 * Counted failures of {@code username} that are not yet forgotten, including admitted attempts
	 * not yet settled (for tests and diagnostics).
	 */
	public int failureCount(String username) {
		Failures state = this.failures.getIfPresent(UsernameKey.of(username));
		return (state == null || isForgotten(state, this.clock.millis())) ? 0 : state.count;
	}

	/** How long {@code username} is still blocked, without admitting an attempt (for tests). */
	Duration blockedFor(String username) {
		Failures state = this.failures.getIfPresent(UsernameKey.of(username));
		long now = this.clock.millis();
		if (state == null || isForgotten(state, now) || now >= state.blockedUntil) {
			return Duration.ZERO;
		}
		return Duration.ofMillis(state.blockedUntil - now);
	}

	long delayMillis(int failureCount) {
		int exponent = failureCount - this.freeAttempts - 1;
		if (exponent < 0) {
			return 0;
		}
		if (exponent >= 40) {
			return this.maxDelayMillis;
		}
		long delay = this.baseDelayMillis << exponent;
		return (delay < 0 || delay > this.maxDelayMillis) ? this.maxDelayMillis : delay;
	}

	private boolean isForgotten(Failures state, long now) {
		return now - state.lastFailure >= this.forgetAfterMillis;
	}

	private record Failures(int count, long lastFailure, long blockedUntil) {
	}

	/** Builds a {@link SignInThrottle}. */
	public static final class Builder {

		private int freeAttempts = 3;

		private Duration baseDelay = Duration.ofSeconds(1);

		private Duration maxDelay = Duration.ofSeconds(30);

		private Duration forgetAfter = Duration.ofMinutes(15);

		private long maximumUsernames = 100_000;

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		/** Failures allowed before any delay; 3 by default. */
		public Builder freeAttempts(int freeAttempts) {
			if (freeAttempts < 0) {
				throw new IllegalArgumentException("freeAttempts must not be negative");
			}
			this.freeAttempts = freeAttempts;
			return this;
		}

		/** The first delay, doubled with each further failure; 1 second by default. */
		public Builder baseDelay(Duration baseDelay) {
			this.baseDelay = baseDelay;
			return this;
		}

		/** The longest a username is ever blocked after one failure; 30 seconds by default. */
		public Builder maxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
			return this;
		}

		/** How long after the last failure all failures are forgotten; 15 minutes by default. */
		public Builder forgetAfter(Duration forgetAfter) {
			this.forgetAfter = forgetAfter;
			return this;
		}

		/** The most usernames tracked at once; 100,000 by default. */
		public Builder maximumUsernames(long maximumUsernames) {
			if (maximumUsernames < 1) {
				throw new IllegalArgumentException("maximumUsernames must be at least 1");
			}
			this.maximumUsernames = maximumUsernames;
			return this;
		}

		/** The clock; the system UTC clock by default. */
		public Builder clock(Clock clock) {
			if (clock == null) {
				throw new IllegalArgumentException("clock must not be null");
			}
			this.clock = clock;
			return this;
		}

		/**
		 * Builds the throttle.
		 * @throws IllegalArgumentException unless 0 < baseDelay <= maxDelay < forgetAfter (whole milliseconds)
		 */
		public SignInThrottle build() {
			if (this.baseDelay == null || this.maxDelay == null || this.forgetAfter == null
					|| this.baseDelay.toMillis() < 1 || this.maxDelay.compareTo(this.baseDelay) < 0
					|| this.forgetAfter.compareTo(this.maxDelay) <= 0) {
				throw new IllegalArgumentException(
						"Sign-in throttle needs 0 < baseDelay <= maxDelay < forgetAfter (at least 1 ms)");
			}
			return new SignInThrottle(this);
		}
	}
}
