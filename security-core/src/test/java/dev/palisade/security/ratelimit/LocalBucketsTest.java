package dev.palisade.security.ratelimit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handshake between a request and the sweep, with the interleavings forced by a meter that
 * pauses inside the sweep's fullness check.
 */
class LocalBucketsTest {

	@Test
	void aRequestThatConsumesWhileTheSweepRetiresTheBucketsTakesItsPermitElsewhere() throws Exception {
		PausingMeter meter = new PausingMeter(true);
		LocalBuckets buckets = idle(meter);
		CompletableFuture<Boolean> sweep = CompletableFuture.supplyAsync(buckets::retireIfIdle);
		meter.awaitFullnessChecked();
		// the sweep has seen a full meter and not yet decided: this request's permit would be lost
		CompletableFuture<LimitOutcome[]> request = CompletableFuture.supplyAsync(buckets::tryConsume);
		meter.awaitConsumed();
		meter.releaseSweep();
		assertThat(sweep.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(request.get(10, TimeUnit.SECONDS)).as("outcomes from retired buckets").isNull();
		assertThat(buckets.isRetired()).isTrue();
	}

	@Test
	void aRequestThatConsumesWhileTheSweepWithdrawsKeepsItsPermit() throws Exception {
		PausingMeter meter = new PausingMeter(false);
		LocalBuckets buckets = idle(meter);
		CompletableFuture<Boolean> sweep = CompletableFuture.supplyAsync(buckets::retireIfIdle);
		meter.awaitFullnessChecked();
		CompletableFuture<LimitOutcome[]> request = CompletableFuture.supplyAsync(buckets::tryConsume);
		meter.awaitConsumed();
		meter.releaseSweep();
		assertThat(sweep.get(10, TimeUnit.SECONDS)).isFalse();
		LimitOutcome[] outcomes = request.get(10, TimeUnit.SECONDS);
		assertThat(outcomes).hasSize(1);
		assertThat(outcomes[0].allowed()).isTrue();
		assertThat(buckets.isRetired()).isFalse();
		assertThat(meter.consumed.get()).isEqualTo(1);
	}

	@Test
	void aRequestAfterTheSweepRetiredTheBucketsGetsNoOutcome() {
		LocalBuckets buckets = idle(new PausingMeter(true).released());
		assertThat(buckets.retireIfIdle()).isTrue();
		assertThat(buckets.tryConsume()).isNull();
	}

	@Test
	void bucketsUsedSinceThePreviousSweepAreKeptEvenWhenFull() {
		LocalBuckets buckets = new LocalBuckets(new PausingMeter(true).released());
		buckets.tryConsume();
		assertThat(buckets.retireIfIdle()).as("used since the last sweep").isFalse();
		assertThat(buckets.retireIfIdle()).as("idle for a whole sweep interval").isTrue();
	}

	@Test
	void bucketsThatHaveNotFullyRecoveredAreNeverRetired() {
		LocalBuckets buckets = idle(new PausingMeter(false).released());
		assertThat(buckets.retireIfIdle()).isFalse();
		assertThat(buckets.retireIfIdle()).isFalse();
		assertThat(buckets.tryConsume()).isNotNull();
	}

	/** Buckets whose creation counts as a use, already cleared by one sweep (which does not look at the meter). */
	private static LocalBuckets idle(PausingMeter meter) {
		LocalBuckets buckets = new LocalBuckets(meter);
		assertThat(buckets.retireIfIdle()).isFalse();
		return buckets;
	}

	/** A meter whose fullness check can be held open to force an interleaving. */
	private static final class PausingMeter implements LocalMeter {

		private volatile boolean full;

		private volatile boolean pause = true;

		private final CountDownLatch fullnessChecked = new CountDownLatch(1);

		private final CountDownLatch sweepReleased = new CountDownLatch(1);

		private final CountDownLatch consumedLatch = new CountDownLatch(1);

		final AtomicInteger consumed = new AtomicInteger();

		PausingMeter(boolean full) {
			this.full = full;
		}

		PausingMeter released() {
			this.pause = false;
			return this;
		}

		@Override
		public LimitOutcome tryConsume() {
			this.consumed.incrementAndGet();
			this.consumedLatch.countDown();
			return new LimitOutcome(true, 10, 9, 0, 0);
		}

		@Override
		public void refund() {
			this.consumed.decrementAndGet();
		}

		@Override
		public boolean isFull() {
			boolean answer = this.full;
			if (this.pause) {
				this.fullnessChecked.countDown();
				await(this.sweepReleased);
			}
			return answer;
		}

		void awaitFullnessChecked() {
			await(this.fullnessChecked);
		}

		void awaitConsumed() {
			await(this.consumedLatch);
		}

		void releaseSweep() {
			this.sweepReleased.countDown();
		}

		private static void await(CountDownLatch latch) {
			try {
				assertThat(latch.await(10, TimeUnit.SECONDS)).as("latch released").isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}
}
