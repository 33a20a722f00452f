package dev.palisade.security.ratelimit;

import java.util.List;

import io.github.bucket4j.TimeMeter;

/**
 * All limits of one key in memory, and the handshake that lets a sweep forget them without
 * losing a permit a request is taking at that moment.
 * <p>
 * Forgetting a key is exact only when every limit has fully recovered (a fresh set of limits
 * would then answer the same). The sweep sets the state to {@code RETIRING}, then checks that
 * every limit is full, then sets it to {@code RETIRED} or back to {@code ACTIVE}. A request
 * consumes first and reads the state after. Both sides write one volatile and then read the
 * other's in opposite orders, so (as in Dekker's algorithm) either the sweep's fullness check sees
 * the request's permit and withdraws, or the request sees the sweep's state, waits the few
 * instructions until the sweep has decided and, if the key was retired, takes its permit again
 * from the key's new buckets.
 * Written by hand because neither Caffeine nor bucket4j can remove an entry conditionally on
 * a bucket's state atomically with concurrent consumers.
 */
final class LocalBuckets {

	private final LocalMeter[] meters;

	/** Set by every request, cleared by the sweep: a key used since the last sweep is kept. */
	private volatile boolean used = true;

	private static final int ACTIVE = 0;

	private static final int RETIRING = 1;

	private static final int RETIRED = 2;

	private volatile int state = ACTIVE;

	LocalBuckets(LocalMeter... meters) {
		this.meters = meters;
	}

	static LocalBuckets create(List<LimitDefinition> limits, TimeMeter timeMeter) {
		LocalMeter[] meters = new LocalMeter[limits.size()];
		for (int i = 0; i < meters.length; i++) {
			LimitDefinition limit = limits.get(i);
			meters[i] = Bucket4jLimits.isBucket(limit) ? new BucketMeter(limit, timeMeter)
					: new SlidingWindowMeter(limit, timeMeter);
		}
		return new LocalBuckets(meters);
	}

	/**
	 * Takes a permit from every limit, giving back the others' if one refuses.
	 * @return the outcomes, or {@code null} if the sweep retired these buckets meanwhile (the
	 * caller must ask the key's current buckets instead)
	 */
	LimitOutcome[] tryConsume() {
		if (!this.used) {
			this.used = true;
		}
		LimitOutcome[] outcomes = consumeAll();
		if (this.state != ACTIVE && retiredAfterAll()) {
			return null;
		}
		return outcomes;
	}

	private LimitOutcome[] consumeAll() {
		LocalMeter[] meters = this.meters;
		if (meters.length == 1) {
			return new LimitOutcome[] { meters[0].tryConsume() };
		}
		LimitOutcome[] outcomes = new LimitOutcome[meters.length];
		boolean allAllowed = true;
		for (int i = 0; i < outcomes.length; i++) {
			outcomes[i] = meters[i].tryConsume();
			allAllowed &= outcomes[i].allowed();
		}
		if (!allAllowed) {
			for (int i = 0; i < outcomes.length; i++) {
				if (outcomes[i].allowed()) {
					meters[i].refund();
				}
			}
		}
		return outcomes;
	}

	/** Waits for the sweep's decision, a few instructions away unless its thread is descheduled. */
	private boolean retiredAfterAll() {
		int current;
		int spins = 0;
		while ((current = this.state) == RETIRING) {
			if (++spins < 100) {
				Thread.onSpinWait();
			}
			else {
				Thread.yield();
			}
		}
		return current == RETIRED;
	}

	/**
	 * Called by the sweep, one thread at a time: retires these buckets if no request used them
	 * since the previous sweep and every limit has fully recovered.
	 * @return whether they are retired (the caller then removes them from the map)
	 */
	boolean retireIfIdle() {
		if (this.used) {
			this.used = false;
			return false;
		}
		this.state = RETIRING;
		boolean full = false;
		try {
			full = allFull();
		}
		finally {
			this.state = full ? RETIRED : ACTIVE;
		}
		return full;
	}

	private boolean allFull() {
		for (LocalMeter meter : this.meters) {
			if (!meter.isFull()) {
				return false;
			}
		}
		return true;
	}

	boolean isRetired() {
		return this.state == RETIRED;
	}
}
