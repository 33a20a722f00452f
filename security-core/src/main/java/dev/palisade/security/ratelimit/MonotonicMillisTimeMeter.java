package dev.palisade.security.ratelimit;

import io.github.bucket4j.TimeMeter;

/**
 * The JVM's monotonic clock cut to whole milliseconds. Monotonic, so a wall-clock step (NTP,
 * a VM resume) neither freezes nor floods the buckets, unlike bucket4j's default
 * {@code SYSTEM_MILLISECONDS}; cut to milliseconds like it, so requests arriving within the same
 * millisecond skip bucket4j's refill arithmetic (on {@code SYSTEM_NANOTIME} every request pays it,
 * about 10 ns). Millisecond precision is far below what rate-limit headers report (seconds).
 */
final class MonotonicMillisTimeMeter implements TimeMeter {

	static final MonotonicMillisTimeMeter INSTANCE = new MonotonicMillisTimeMeter();

	private static final long NANOS_PER_MILLI = 1_000_000L;

	private MonotonicMillisTimeMeter() {
	}

	@Override
	public long currentTimeNanos() {
		long now = System.nanoTime();
		return now - Math.floorMod(now, NANOS_PER_MILLI);
	}

	@Override
	public boolean isWallClockBased() {
		return false;
	}

	@Override
	public String toString() {
		return "MonotonicMillisTimeMeter";
	}
}
