package dev.palisade.security.ratelimit;

import java.time.Clock;
import java.time.Instant;

import io.github.bucket4j.TimeMeter;

/**
 * Adapts a {@link Clock} to bucket4j's {@link TimeMeter}, so one injectable clock drives
 * bucket4j buckets, sliding windows and Redis scripts alike (and tests can move time by hand).
 */
public final class ClockTimeMeter implements TimeMeter {

	private final Clock clock;

	public ClockTimeMeter(Clock clock) {
		if (clock == null) {
			throw new IllegalArgumentException("clock must not be null");
		}
		this.clock = clock;
	}

	@Override
	public long currentTimeNanos() {
		Instant now = this.clock.instant();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

	@Override
	public boolean isWallClockBased() {
		return true;
	}

	@Override
	public String toString() {
		return "ClockTimeMeter[" + this.clock + "]";
	}
}
