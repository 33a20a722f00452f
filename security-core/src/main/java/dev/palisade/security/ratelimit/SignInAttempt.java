package dev.palisade.security.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One sign-in attempt admitted or refused by {@link SignInThrottle#attempt(String)}. An admitted
 * attempt is already counted as a failure; after the password check call {@link #succeeded()}
 * (clears the username's failures) or {@link #failed()}. An attempt never settled stays counted
 * as a failure, so an error during the check fails closed. Settling is one-shot: only the first
 * call has an effect, and settling a refused attempt does nothing. Thread-safe.
 */
public final class SignInAttempt {

	private final SignInThrottle throttle;

	private final UsernameKey username;

	private final SignInVerdict verdict;

	private final AtomicBoolean settled;

	SignInAttempt(SignInThrottle throttle, UsernameKey username, SignInVerdict verdict) {
		this.throttle = throttle;
		this.username = username;
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

	/** The password was right: the username's failures are cleared. */
	public void succeeded() {
		if (this.settled.compareAndSet(false, true)) {
			this.throttle.clear(this.username);
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
