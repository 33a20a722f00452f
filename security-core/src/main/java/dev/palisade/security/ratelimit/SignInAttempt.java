package dev.palisade.security.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One sign-in attempt admitted or refused by {@link SignInThrottle#attempt(String, java.net.InetAddress)}.
 * An admitted attempt is already counted as a failure; after the password check call
 * {@link #succeeded()} (clears the failures of this username from this address, and gives back what
 * the attempt took from the username's budget) or {@link #failed()}. An attempt never settled stays counted
 * as a failure, so an error during the check fails closed. Settling is one-shot: only the first
 * call has an effect, and settling a refused attempt does nothing. Thread-safe.
 */
public final class SignInAttempt {

	private final SignInThrottle throttle;

	private final UsernameAtAddress key;

	private final SignInVerdict verdict;

	private final long budgetCharge;

	private final AtomicBoolean settled;

	SignInAttempt(SignInThrottle throttle, UsernameAtAddress key, SignInVerdict verdict, long budgetCharge) {
		this.throttle = throttle;
		this.key = key;
		this.budgetCharge = budgetCharge;
		this.verdict = verdict;
		// a refused attempt has nothing to settle
		this.settled = new AtomicBoolean(!verdict.allowed());
	}

	/** Whether the password may be checked now. */
	public boolean allowed() {
		return this.verdict.allowed();
	}

	/** The verdict, with {@code Retry-After} when refused. */
	public SignInVerdict verdict() {
		return this.verdict;
	}

	/**
	 * The password was right: this address's failures for the username are cleared (not other
	 * addresses', which would let one guesser's block be lifted by the real user).
	 */
	public void succeeded() {
		if (this.settled.compareAndSet(false, true)) {
			this.throttle.succeeded(this.key, this.budgetCharge);
		}
	}

	/** The password was wrong: the failure counted on admission stands. */
	public void failed() {
		this.settled.set(true);
	}

	@Override
	public String toString() {
		return "SignInAttempt[" + this.verdict + "]";
	}

}
