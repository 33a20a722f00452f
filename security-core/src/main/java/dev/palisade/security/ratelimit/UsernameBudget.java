package dev.palisade.security.ratelimit;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * How many sign-in failures one username takes from all addresses together: {@code failures} at
 * once, and one more per {@code refill} (a generic cell rate algorithm: one timestamp per
 * username). Going over the budget refuses nobody; it only tells {@link SignInThrottle} to make
 * each further failure cost its address the full over-budget delay. The debt is capped at the
 * budget, so a username is back within budget one {@code refill} after its last failure, however
 * long the attack lasted. Bounded in memory; thread-safe.
 */
final class UsernameBudget {

	private final long refillMillis;

	private final long burstMillis;

	/** Per username, the theoretical time at which its budget is whole again. */
	private final Cache<UsernameKey, Long> fullAt;

	UsernameBudget(int failures, long refillMillis, long maximumUsernames, Clock clock) {
		this.refillMillis = refillMillis;
		this.burstMillis = failures * refillMillis;
		this.fullAt = Caffeine.newBuilder()
			.maximumSize(maximumUsernames)
			.executor(Runnable::run)
			// fullAt is never later than the last write plus the burst: after that the entry is a whole budget
			.expireAfterWrite(this.burstMillis, TimeUnit.MILLISECONDS)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build();
	}

	/** Spends one failure of {@code username}'s budget. */
	Charge spend(UsernameKey username, long now) {
		Charge[] charge = new Charge[1];
		this.fullAt.asMap().compute(username, (key, fullAt) -> {
			long base = (fullAt == null) ? now : Math.max(fullAt, now);
			long next = base + this.refillMillis;
			long stored = Math.min(next, now + this.burstMillis);
			charge[0] = new Charge(next - now > this.burstMillis, stored - base);
			return stored;
		});
		return charge[0];
	}

	/**
	 * Gives back what an attempt that turned out to be a success added to the debt (and no more, so
	 * the real user's sign-ins never pay off a guesser's debt).
	 */
	void refund(UsernameKey username, long added, long now) {
		if (added <= 0) {
			return;
		}
		this.fullAt.asMap().computeIfPresent(username, (key, fullAt) -> {
			long refunded = fullAt - added;
			return (refunded <= now) ? null : refunded;
		});
	}

	/** Whether the next failure of {@code username} would be over the budget. */
	boolean isSpent(UsernameKey username, long now) {
		Long fullAt = this.fullAt.getIfPresent(username);
		return fullAt != null && Math.max(fullAt, now) + this.refillMillis - now > this.burstMillis;
	}

	/**
	 * What one failure cost the budget.
	 *
	 * @param overBudget whether it was over the budget
	 * @param added how much it added to the debt, in milliseconds: one refill, or less (down to
	 * none) when the debt reached its cap; what a success gives back
	 */
	record Charge(boolean overBudget, long added) {

		static final Charge NONE = new Charge(false, 0);
	}

	long trackedUsernames() {
		this.fullAt.cleanUp();
		return this.fullAt.estimatedSize();
	}
}
