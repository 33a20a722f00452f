package dev.palisade.security.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;

/** A bucket-type limit held in a lock-free bucket4j {@link LocalBucket}. */
final class BucketMeter implements LocalMeter {

	private final LocalBucket bucket;

	private final long capacity;

	BucketMeter(LimitDefinition limit, TimeMeter timeMeter) {
		this.capacity = limit.capacity();
		this.bucket = Bucket.builder()
			.addLimit(Bucket4jLimits.bandwidth(limit))
			.withCustomTimePrecision(timeMeter)
			.build();
	}

	@Override
	public LimitOutcome tryConsume() {
		return Bucket4jLimits.outcome(this.bucket.tryConsumeAndReturnRemaining(1), this.capacity);
	}

	@Override
	public void refund() {
		this.bucket.addTokens(1);
	}

	@Override
	public boolean isFull() {
		return this.bucket.getAvailableTokens() >= this.capacity;
	}
}
