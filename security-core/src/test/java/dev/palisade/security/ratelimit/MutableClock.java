package dev.palisade.security.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test says so. */
public final class MutableClock extends Clock {

	private final AtomicLong epochNanos;

	public MutableClock(Instant start) {
		this.epochNanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
	}

	public MutableClock() {
		this(Instant.parse("2030-01-01T00:00:00Z"));
	}

	public void advance(Duration duration) {
		this.epochNanos.addAndGet(duration.toNanos());
	}

	@Override
	public Instant instant() {
		long nanos = this.epochNanos.get();
		return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}
}
