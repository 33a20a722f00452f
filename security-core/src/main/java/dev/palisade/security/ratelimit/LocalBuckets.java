package dev.palisade.security.ratelimit;

import java.util.List;

import io.github.bucket4j.TimeMeter;

/** All limits of one key in memory, with how long they may sit idle before they are forgotten. */
final class LocalBuckets {

	private final LocalMeter[] meters;

	/** A key idle this long has fully recovered, so forgetting it changes nothing. */
	final long idleNanos;

	private LocalBuckets(LocalMeter[] meters, long idleNanos) {
		this.meters = meters;
		this.idleNanos = idleNanos;
	}

	static LocalBuckets create(List<LimitDefinition> limits, TimeMeter timeMeter) {
		LocalMeter[] meters = new LocalMeter[limits.size()];
		long idle = 0;
		for (int i = 0; i < meters.length; i++) {
			LimitDefinition limit = limits.get(i);
			meters[i] = Bucket4jLimits.isBucket(limit) ? new BucketMeter(limit, timeMeter)
					: new SlidingWindowMeter(limit, timeMeter);
			idle = Math.max(idle, limit.fullRecovery().toNanos());
		}
		return new LocalBuckets(meters, idle);
	}

	LimitOutcome[] tryConsume() {
		LimitOutcome[] outcomes = new LimitOutcome[this.meters.length];
		boolean allAllowed = true;
		for (int i = 0; i < outcomes.length; i++) {
			outcomes[i] = this.meters[i].tryConsume();
			allAllowed &= outcomes[i].allowed();
		}
		if (!allAllowed) {
			for (int i = 0; i < outcomes.length; i++) {
				if (outcomes[i].allowed()) {
					this.meters[i].refund();
				}
			}
		}
		return outcomes;
	}
}
