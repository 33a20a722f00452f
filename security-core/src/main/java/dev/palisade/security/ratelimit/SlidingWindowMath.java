package dev.palisade.security.ratelimit;

/**
 * The sliding-window counter, shared by the local meter and the Redis Lua script so both
 * backends decide identically (SPI helper). The window is split into fixed windows of length
 * {@code W}; at {@code e} ticks into the current one, the estimated count over the last
 * {@code W} ticks is {@code previous * (W - e) / W + current}, and a request is admitted if the
 * estimate plus one does not exceed the capacity.
 * <p>
 * bucket4j has no sliding-window primitive (its buckets are token buckets), so this is
 * Palisade's own code.
 */
public final class SlidingWindowMath {

	private SlidingWindowMath() {
	}

	/** The estimated number of requests in the sliding window. */
	public static double estimate(long windowTicks, long elapsedTicks, long previous, long current) {
		return previous * ((double) (windowTicks - elapsedTicks) / windowTicks) + current;
	}

	/** Whether one more request fits. */
	public static boolean admits(long capacity, long windowTicks, long elapsedTicks, long previous, long current) {
		return estimate(windowTicks, elapsedTicks, previous, current) + 1 <= capacity;
	}

	/**
	 * The outcome for a request, given the counts after it was (or was not) counted.
	 * @param nanosPerTick 1 for nanosecond ticks, 1,000,000 for millisecond ticks
	 */
	public static LimitOutcome outcome(boolean allowed, long capacity, long windowTicks, long elapsedTicks,
			long previous, long current, long nanosPerTick) {
		long w = windowTicks;
		long e = Math.max(0, Math.min(elapsedTicks, w));
		double estimate = estimate(w, e, previous, current);
		long remaining = Math.max(0, (long) Math.floor(capacity - estimate));
		long resetTicks = (current > 0) ? (w - e) + w : (previous > 0) ? (w - e) : 0;
		long retryTicks = 0;
		if (!allowed) {
			if (current + 1 <= capacity && previous > 0) {
				// wait until enough of the previous window has slid out
				double room = capacity - 1 - current;
				double at = w - room * w / previous;
				retryTicks = Math.max(1, (long) Math.ceil(at - e));
			}
			else {
				// wait for the next window, then until enough of this one has slid out
				double fraction = 1 - (double) (capacity - 1) / Math.max(current, 1);
				retryTicks = Math.max(1, (w - e) + (long) Math.ceil(w * fraction));
			}
		}
		return new LimitOutcome(allowed, capacity, remaining, resetTicks * nanosPerTick, retryTicks * nanosPerTick);
	}
}
