package dev.palisade.security.ratelimit;

import io.github.bucket4j.TimeMeter;

/**
 * A sliding-window counter in memory (see {@link SlidingWindowMath}). Guarded by its own
 * monitor: the critical section is a few arithmetic operations.
 */
final class SlidingWindowMeter implements LocalMeter {

	private final long capacity;

	private final long windowNanos;

	private final TimeMeter timeMeter;

	private long window = Long.MIN_VALUE;

	private long previous;

	private long current;

	SlidingWindowMeter(LimitDefinition limit, TimeMeter timeMeter) {
		this.capacity = limit.capacity();
		this.windowNanos = limit.period().toNanos();
		this.timeMeter = timeMeter;
	}

	@Override
	public synchronized LimitOutcome tryConsume() {
		long now = this.timeMeter.currentTimeNanos();
		roll(now);
		long elapsed = Math.max(0, now - this.window * this.windowNanos);
		boolean allowed = SlidingWindowMath.admits(this.capacity, this.windowNanos, elapsed, this.previous,
				this.current);
		if (allowed) {
			this.current++;
		}
		return SlidingWindowMath.outcome(allowed, this.capacity, this.windowNanos, elapsed, this.previous,
				this.current, 1);
	}

	@Override
	public synchronized void refund() {
		if (this.current > 0) {
			this.current--;
		}
	}

	@Override
	public synchronized boolean isFull() {
		roll(this.timeMeter.currentTimeNanos());
		return this.previous == 0 && this.current == 0;
	}

	private void roll(long now) {
		long index = Math.floorDiv(now, this.windowNanos);
		if (this.window == Long.MIN_VALUE || index > this.window + 1) {
			this.previous = (this.window != Long.MIN_VALUE && index == this.window + 1) ? this.current : 0;
			this.current = 0;
			this.window = index;
		}
		else if (index == this.window + 1) {
			this.previous = this.current;
			this.current = 0;
			this.window = index;
		}
		// index <= window: same window, or the clock stepped back; keep counting in the newest window
	}
}
