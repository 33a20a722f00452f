package dev.palisade.security.ratelimit;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows down repeated sign-in failures for one username, separately from any per-IP limit, without
 * letting an attacker lock the real user out.
 * <p>
 * <b>Per address.</b> Failures are counted per username and client address (IPv6 by /64). After
 * {@code freeAttempts} failures, each further failure blocks that address for that username for
 * {@code baseDelay * 2^(n-1)}, capped at {@code maxDelay}; failures are forgotten
 * {@code forgetAfter} after the last one, and a success clears that address's failures (only
 * those). A guesser at one address is slowed exponentially.
 * <p>
 * <b>Per username.</b> All addresses together get a budget of {@code usernameBudget} failures,
 * and one more per {@code usernameBudgetRefill}. Over the budget (a guesser spread over many
 * addresses), every failure blocks its address at once for {@code overBudgetDelay} (or the
 * per-address delay, if longer): no free attempts, no ramp. The budget never refuses anyone by
 * itself; it is back one refill after the last failure.
 * <p>
 * <b>No lock-out.</b> Only an address's own failures ever block it: an address with no failure
 * for the username within the last {@code max(maxDelay, overBudgetDelay)} is always admitted,
 * whatever other addresses do, and an address is never blocked for longer than that after its own
 * last failure. (Callers behind one address, such as a NAT, share its backoff.)
 * <p>
 * Admission and counting are one atomic step ({@link #attempt(String, InetAddress)}): an admitted
 * attempt counts as a failure until it is settled as a success, so N parallel guesses get no more
 * tries than N sequential ones. The throttle never learns whether a username exists, so unknown
 * usernames are throttled exactly like known ones. Memory is bounded ({@code maximumUsernames}
 * username-address pairs, and as many usernames); usernames are held only as hashes.
 * Thread-safe.
 * <p>
 * Use: {@link #attempt(String, InetAddress)} before verifying a password; refuse with 429 and
 * {@code Retry-After} if not {@link SignInAttempt#allowed()}; afterwards call
 * {@link SignInAttempt#succeeded()} or {@link SignInAttempt#failed()}.
 */
public final class SignInThrottle {

	private final int freeAttempts;

	private final long baseDelayMillis;

	private final long maxDelayMillis;

	private final long overBudgetDelayMillis;

	private final long forgetAfterMillis;

	private final Clock clock;

	private final Cache<UsernameAtAddress, Failures> failures;

	private final UsernameBudget budget;

	private SignInThrottle(Builder builder) {
		this.freeAttempts = builder.freeAttempts;
		this.baseDelayMillis = builder.baseDelay.toMillis();
		this.maxDelayMillis = builder.maxDelay.toMillis();
		this.overBudgetDelayMillis = builder.overBudgetDelay.toMillis();
		this.forgetAfterMillis = builder.forgetAfter.toMillis();
		this.clock = builder.clock;
		Clock clock = builder.clock;
		this.failures = Caffeine.newBuilder()
			.maximumSize(builder.maximumUsernames)
			// evict on the calling thread: the bound holds exactly, even under a flood of new keys
			.executor(Runnable::run)
			.expireAfterWrite(this.forgetAfterMillis, TimeUnit.MILLISECONDS)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build();
		this.budget = new UsernameBudget(builder.usernameBudget, builder.usernameBudgetRefill.toMillis(),
				builder.maximumUsernames, clock);
	}

	/**
	 * Starts a throttle: 3 free attempts, 1 s base delay, 30 s cap, forgotten after 15 min; a
	 * username budget of 10 failures plus 1 a minute, 1 min per failure over it.
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Admits or refuses a sign-in attempt for {@code username} from {@code client}, in one atomic
	 * step: an admitted attempt is counted as a failure (and may start a block for this address)
	 * before this returns, so parallel guesses cannot all slip through before the first failure is
	 * recorded. A refused attempt changes nothing. Settle an admitted attempt with
	 * {@link SignInAttempt#succeeded()} or {@link SignInAttempt#failed()} once the password is
	 * checked.
	 * @param username the username as given
	 * @param client the client address, resolved through trusted proxies only
	 * @throws IllegalArgumentException if {@code username} is null or blank, or {@code client} null
	 */
	public SignInAttempt attempt(String username, InetAddress client) {
		UsernameAtAddress key = UsernameAtAddress.of(UsernameKey.of(username), client);
		SignInVerdict[] verdict = new SignInVerdict[1];
		UsernameBudget.Charge[] charge = { UsernameBudget.Charge.NONE };
		this.failures.asMap().compute(key, (k, state) -> {
			long now = this.clock.millis();
			int count = 1;
			if (state != null && !isForgotten(state, now)) {
				if (now < state.blockedUntil) {
					// refused attempts are not counted and do not extend the block
					verdict[0] = new SignInVerdict(false, Duration.ofMillis(state.blockedUntil - now));
					return state;
				}
				count = (state.count < Integer.MAX_VALUE) ? state.count + 1 : state.count;
			}
			verdict[0] = SignInVerdict.ALLOWED;
			long delay = delayMillis(count);
			charge[0] = this.budget.spend(k.username(), now);
			if (charge[0].overBudget()) {
				delay = Math.max(delay, this.overBudgetDelayMillis);
			}
			return new Failures(count, now, now + delay);
		});
		return new SignInAttempt(this, key, verdict[0], charge[0].added());
	}

	/**
	 * Forgets an address's failures for a username after a successful sign-in, and gives back what
	 * the attempt took from the username's budget.
	 */
	void succeeded(UsernameAtAddress key, long budgetCharge) {
		this.failures.invalidate(key);
		this.budget.refund(key.username(), budgetCharge, this.clock.millis());
	}

	/**
	 * Counted failures of {@code username} from {@code client} that are not yet forgotten,
	 * including admitted attempts not yet settled (for tests and diagnostics).
	 */
	public int failureCount(String username, InetAddress client) {
		Failures state = this.failures.getIfPresent(UsernameAtAddress.of(UsernameKey.of(username), client));
		return (state == null || isForgotten(state, this.clock.millis())) ? 0 : state.count;
	}

	/**
	 * Whether {@code username} is over its budget, so that every further failure blocks its
	 * address for the over-budget delay (for tests and diagnostics).
	 */
	public boolean isOverBudget(String username) {
		return this.budget.isSpent(UsernameKey.of(username), this.clock.millis());
	}

	/** How long {@code client} is still blocked for {@code username}, without admitting an attempt (for tests). */
	Duration blockedFor(String username, InetAddress client) {
		Failures state = this.failures.getIfPresent(UsernameAtAddress.of(UsernameKey.of(username), client));
		long now = this.clock.millis();
		if (state == null || isForgotten(state, now) || now >= state.blockedUntil) {
			return Duration.ZERO;
		}
		return Duration.ofMillis(state.blockedUntil - now);
	}

	/** The usernames whose budget is tracked (for tests). */
	long trackedUsernames() {
		return this.budget.trackedUsernames();
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

		private int usernameBudget = 10;

		private Duration usernameBudgetRefill = Duration.ofMinutes(1);

		private Duration overBudgetDelay = Duration.ofMinutes(1);

		private long maximumUsernames = 100_000;

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		/** Failures from one address allowed before any delay; 3 by default. */
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

		/** The longest one failure blocks its address within the budget; 30 seconds by default. */
		public Builder maxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
			return this;
		}

		/** How long after an address's last failure its failures are forgotten; 15 minutes by default. */
		public Builder forgetAfter(Duration forgetAfter) {
			this.forgetAfter = forgetAfter;
			return this;
		}

		/**
		 * The failures one username takes from all addresses together before each failure costs
		 * the over-budget delay, and how often one more is allowed; 10 and 1 minute by default.
		 */
		public Builder usernameBudget(int failures, Duration refill) {
			if (failures < 1) {
				throw new IllegalArgumentException("The username budget must allow at least 1 failure");
			}
			this.usernameBudget = failures;
			this.usernameBudgetRefill = refill;
			return this;
		}

		/** How long each failure over the username budget blocks its address; 1 minute by default. */
		public Builder overBudgetDelay(Duration overBudgetDelay) {
			this.overBudgetDelay = overBudgetDelay;
			return this;
		}

		/** The most username-address pairs, and usernames, tracked at once; 100,000 each by default. */
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
		 * @throws IllegalArgumentException unless 0 < baseDelay <= maxDelay < forgetAfter,
		 * 0 < overBudgetDelay < forgetAfter and 0 < usernameBudgetRefill, all in whole milliseconds,
		 * with the whole username budget ({@code failures * refill}) at most a year
		 */
		public SignInThrottle build() {
			if (this.baseDelay == null || this.maxDelay == null || this.forgetAfter == null
					|| this.baseDelay.toMillis() < 1 || this.maxDelay.compareTo(this.baseDelay) < 0
					|| this.forgetAfter.compareTo(this.maxDelay) <= 0) {
				throw new IllegalArgumentException(
						"Sign-in throttle needs 0 < baseDelay <= maxDelay < forgetAfter (at least 1 ms)");
			}
			if (this.overBudgetDelay == null || this.overBudgetDelay.toMillis() < 1
					|| this.forgetAfter.compareTo(this.overBudgetDelay) <= 0) {
				throw new IllegalArgumentException(
						"Sign-in throttle needs 0 < overBudgetDelay < forgetAfter (at least 1 ms)");
			}
			if (this.usernameBudgetRefill == null || this.usernameBudgetRefill.toMillis() < 1
					|| this.usernameBudgetRefill.multipliedBy(this.usernameBudget).compareTo(Duration.ofDays(366)) > 0) {
				throw new IllegalArgumentException(
						"Sign-in throttle needs a username budget refill of at least 1 ms, and at most a year in all");
			}
			return new SignInThrottle(this);
		}
	}
}
