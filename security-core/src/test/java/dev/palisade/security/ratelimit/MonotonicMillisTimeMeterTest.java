package dev.palisade.security.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MonotonicMillisTimeMeterTest {

	@Test
	void readsWholeMillisecondsThatNeverGoBackwards() throws InterruptedException {
		MonotonicMillisTimeMeter meter = MonotonicMillisTimeMeter.INSTANCE;
		long previous = meter.currentTimeNanos();
		long first = previous;
		for (int i = 0; i < 100_000; i++) {
			long now = meter.currentTimeNanos();
			assertThat(now % 1_000_000).isZero();
			assertThat(now).isGreaterThanOrEqualTo(previous);
			previous = now;
		}
		Thread.sleep(5);
		assertThat(meter.currentTimeNanos() - first).isGreaterThanOrEqualTo(5_000_000);
		assertThat(meter.isWallClockBased()).isFalse();
	}
}
