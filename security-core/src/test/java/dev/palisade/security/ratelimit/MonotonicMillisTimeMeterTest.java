package dev.palisade.security.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MonotonicMillisTimeMeterTest {

	@Test
	void readsWholeMillisecondsThatNeverGoBackwards() {
		MonotonicMillisTimeMeter meter = MonotonicMillisTimeMeter.INSTANCE;
		long previous = meter.currentTimeNanos();
		long first = previous;
		for (int i = 0; i < 100_000; i++) {
			long now = meter.currentTimeNanos();
			assertThat(now % 1_000_000).isZero();
			assertThat(now).isGreaterThanOrEqualTo(previous);
			previous = now;
		}
		await().atMost(Duration.ofSeconds(1)).until(() -> meter.currentTimeNanos() - first >= 5_000_000);
		assertThat(meter.isWallClockBased()).isFalse();
	}
}
