package dev.palisade.security.audit;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static dev.palisade.security.audit.AuditTestSupport.HMAC_KEY;
import static dev.palisade.security.audit.AuditTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditLogTest {

	private final RecordingSink sink = new RecordingSink();

	@Test
	void syncAppendReturnsOnlyAfterTheEventWasForced() throws IOException {
		try (AuditLog log = AuditLog.builder(this.sink, HMAC_KEY).durability(Durability.SYNC).open()) {
			for (int i = 1; i <= 5; i++) {
				assertThat(log.append(event(i))).isTrue();
				assertThat(this.sink.forcedThrough).isEqualTo(i);
				assertThat(log.durableSequence()).isEqualTo(i);
			}
		}
	}

	@Test
	void syncCallersWaitingTogetherShareOneForce() throws Exception {
		this.sink.gate = new CountDownLatch(1);
		ExecutorService callers = Executors.newFixedThreadPool(33);
		try (AuditLog log = AuditLog.builder(this.sink, HMAC_KEY).durability(Durability.SYNC).open()) {
			Future<Boolean> first = callers.submit(() -> log.append(event(0)));
			this.sink.writerAtGate.await();
			// the writer is held inside the first batch; 32 concurrent callers queue up behind it
			List<Future<Boolean>> rest = new ArrayList<>();
			for (int i = 1; i <= 32; i++) {
				int n = i;
				rest.add(callers.submit(() -> log.append(event(n))));
			}
			while (log.queuedCount() < 32) {
				Thread.onSpinWait();
			}
			this.sink.gate.countDown();
			this.sink.gate = null;
			assertThat(first.get()).isTrue();
			for (Future<Boolean> future : rest) {
				assertThat(future.get()).isTrue();
			}
			assertThat(this.sink.records).hasSize(33);
			// one fsync for the first caller, one shared by the 32
			assertThat(this.sink.forces.get()).isEqualTo(2);
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void batchedModeForcesWithinTheBatchInterval() throws Exception {
		MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
		try (AuditLog log = AuditLog.builder(this.sink, HMAC_KEY)
			.durability(Durability.BATCHED)
			.batchInterval(Duration.ofMillis(200))
			.clock(clock)
			.open()) {
			CompletableFuture<Long> durable = log.submit(event(1));
			assertThat(log.append(event(2))).isTrue();
			while (this.sink.records.size() < 2) {
				Thread.onSpinWait();
			}
			assertThat(durable).isNotDone();
			assertThat(this.sink.forces.get()).isZero();
			clock.advance(Duration.ofMillis(200));
			assertThat(durable.get(10, TimeUnit.SECONDS)).isEqualTo(1L);
			assertThat(this.sink.forcedThrough).isEqualTo(2);
		}
	}

	@Test
	void aBatchedAppendOnASyncLogReturnsBeforeItsForceAndRidesWithTheNextOne() throws Exception {
		MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
		try (AuditLog log = AuditLog.builder(this.sink, HMAC_KEY)
			.durability(Durability.SYNC)
			.batchInterval(Duration.ofMillis(200))
			.clock(clock)
			.open()) {
			// the first force happens at open's clock reading; step past it so forces are counted from here
			assertThat(log.append(event(1), Durability.BATCHED)).isTrue();
			while (this.sink.records.size() < 1) {
				Thread.onSpinWait();
			}
			int forcesAfterFirst = this.sink.forces.get();
			// within the batch interval a batched record is written but not forced, and nobody waits
			assertThat(log.append(event(2), Durability.BATCHED)).isTrue();
			while (this.sink.records.size() < 2) {
				Thread.onSpinWait();
			}
			assertThat(this.sink.forces.get()).isEqualTo(forcesAfterFirst);
			assertThat(this.sink.forcedThrough).isLessThan(2);
			// a sync record's force covers the batched one written before it
			assertThat(log.append(event(3))).isTrue();
			assertThat(this.sink.forcedThrough).isEqualTo(3);
			assertThat(log.durableSequence()).isEqualTo(3);
		}
	}

	@Test
	void anAppendAsksForLessDurabilityNeverMore() throws Exception {
		try (AuditLog log = AuditLog.builder(this.sink, HMAC_KEY).durability(Durability.ASYNC).open()) {
			// SYNC asked of an ASYNC log is ASYNC: the call returns without any force
			assertThat(log.append(event(1), Durability.SYNC)).isTrue();
			assertThat(log.submit(event(2)).get(10, TimeUnit.SECONDS)).isEqualTo(2L);
			assertThat(this.sink.forces.get()).isZero();
		}
	}

	@Test
	void aCallerWaitsForItsFsyncAtMostTheWriteTimeoutAndTheRefusalIsCounted() throws Exception {
		this.sink.gate = new CountDownLatch(1);
		List<AuditWriteException> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
		try (AuditLog log = AuditLog.builder(this.sink, HMAC_KEY)
			.durability(Durability.SYNC)
			.writeTimeout(Duration.ofMillis(200))
			.listener(new AuditListener() {
				@Override
				public void onRefused(AuditWriteException refusal) {
					refusals.add(refusal);
				}
			})
			.open()) {
			// the sink hangs (a stuck disk): the caller gets a refusal instead of waiting forever
			assertThatExceptionOfType(AuditWriteException.class).isThrownBy(() -> log.append(event(1)))
				.withMessageContaining("write timeout");
			assertThat(log.refusedCount()).isEqualTo(1);
			assertThat(refusals).hasSize(1);
			// a batched append does not wait, so it is not refused
			assertThat(log.append(event(2), Durability.BATCHED)).isTrue();
			this.sink.gate.countDown();
			this.sink.gate = null;
		}
		// nothing is lost: the refused record was written once the sink recovered
		assertThat(this.sink.records).hasSize(2);
	}

	@Test
	void aFullQueueMakesABlockedCallerWaitAtMostTheWriteTimeout() throws Exception {
		this.sink.gate = new CountDownLatch(1);
		try (AuditLog log = AuditLog.builder(this.sink, HMAC_KEY)
			.durability(Durability.ASYNC)
			.queueCapacity(1)
			.writeTimeout(Duration.ofMillis(200))
			.open()) {
			log.append(event(1));
			this.sink.writerAtGate.await();
			log.append(event(2));
			assertThatExceptionOfType(AuditWriteException.class).isThrownBy(() -> log.append(event(3)))
				.withMessageContaining("no room");
			assertThat(log.refusedCount()).isEqualTo(1);
			this.sink.gate.countDown();
			this.sink.gate = null;
		}
		assertThat(this.sink.records).hasSize(2);
	}

	@Test
	void asyncModeForcesOnlyOnClose() throws Exception {
		AuditLog log = AuditLog.builder(this.sink, HMAC_KEY).durability(Durability.ASYNC).open();
		assertThat(log.submit(event(1)).get(10, TimeUnit.SECONDS)).isEqualTo(1L);
		assertThat(this.sink.forces.get()).isZero();
		log.close();
		assertThat(this.sink.forces.get()).isEqualTo(1);
		assertThat(this.sink.closed).isTrue();
	}

	@Test
	void blockBackPressureMakesCallersWaitAndLosesNothing() throws Exception {
		this.sink.gate = new CountDownLatch(1);
		ExecutorService callers = Executors.newSingleThreadExecutor();
		try (AuditLog log = AuditLog.builder(this.sink, HMAC_KEY)
			.durability(Durability.ASYNC)
			.backPressure(BackPressure.BLOCK)
			.queueCapacity(2)
			.open()) {
			log.append(event(0));
			this.sink.writerAtGate.await();
			log.append(event(1));
			log.append(event(2));
			CountDownLatch started = new CountDownLatch(1);
			Future<Boolean> blocked = callers.submit(() -> {
				started.countDown();
				return log.append(event(3));
			});
			started.await();
			assertThat(blocked).isNotDone();
			this.sink.gate.countDown();
			this.sink.gate = null;
			assertThat(blocked.get(10, TimeUnit.SECONDS)).isTrue();
			assertThat(log.droppedCount()).isZero();
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(this.sink.records).hasSize(4);
	}

	@Test
	void dropBackPressureDropsAndCountsEveryDroppedEvent() throws Exception {
		this.sink.gate = new CountDownLatch(1);
		AtomicInteger droppedSeen = new AtomicInteger();
		AuditListener listener = new AuditListener() {
			@Override
			public void onDropped(AuditEvent event) {
				droppedSeen.incrementAndGet();
			}
		};
		try (AuditLog log = AuditLog.builder(this.sink, HMAC_KEY)
			.durability(Durability.ASYNC)
			.backPressure(BackPressure.DROP)
			.queueCapacity(2)
			.listener(listener)
			.open()) {
			assertThat(log.append(event(0))).isTrue();
			this.sink.writerAtGate.await();
			assertThat(log.append(event(1))).isTrue();
			assertThat(log.append(event(2))).isTrue();
			assertThat(log.append(event(3))).isFalse();
			assertThat(log.submit(event(4))).isCompletedExceptionally();
			assertThat(log.droppedCount()).isEqualTo(2);
			assertThat(droppedSeen.get()).isEqualTo(2);
			this.sink.gate.countDown();
			this.sink.gate = null;
		}
		assertThat(this.sink.records).hasSize(3);
	}

	@Test
	void closeDrainsTheQueueAndLaterAppendsAreRefused() throws IOException {
		AuditLog log = AuditLog.builder(this.sink, HMAC_KEY).durability(Durability.ASYNC).open();
		for (int i = 0; i < 100; i++) {
			log.append(event(i));
		}
		log.close();
		assertThat(this.sink.records).hasSize(100);
		assertThat(this.sink.records.get(99).sequence()).isEqualTo(100);
		assertThatExceptionOfType(AuditWriteException.class).isThrownBy(() -> log.append(event(101)));
	}

	@Test
	void aFailingSinkFailsClosed() throws IOException {
		AtomicInteger failures = new AtomicInteger();
		try (AuditLog log = AuditLog.builder(this.sink, HMAC_KEY).listener(new AuditListener() {
			@Override
			public void onFailure(Exception failure) {
				failures.incrementAndGet();
			}
		}).open()) {
			log.append(event(1));
			this.sink.failNextAppend = true;
			assertThatExceptionOfType(AuditWriteException.class).isThrownBy(() -> log.append(event(2)))
				.withMessageNotContaining("key-2");
			this.sink.failNextAppend = false;
			assertThat(log.isFailed()).isTrue();
			assertThatExceptionOfType(AuditWriteException.class).isThrownBy(() -> log.append(event(3)));
			assertThat(failures.get()).isEqualTo(1);
		}
		assertThat(this.sink.records).hasSize(1);
	}

	@Test
	void listenerSeesEveryWrittenEventWithItsSequence() throws IOException {
		List<Long> sequences = java.util.Collections.synchronizedList(new ArrayList<>());
		try (AuditLog log = AuditLog.builder(this.sink, HMAC_KEY).listener(new AuditListener() {
			@Override
			public void onWritten(AuditEvent event, long sequence) {
				sequences.add(sequence);
			}
		}).open()) {
			for (int i = 0; i < 3; i++) {
				log.append(event(i));
			}
		}
		assertThat(sequences).containsExactly(1L, 2L, 3L);
	}

	@Test
	void checkpointsAreWrittenEveryNRecordsAndEveryInterval() throws Exception {
		MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
		try (AuditLog log = AuditLog.builder(this.sink, HMAC_KEY)
			.signingKey(AuditTestSupport.SIGNING_KEYS.getPrivate())
			.checkpointEvery(5)
			.checkpointInterval(Duration.ofSeconds(30))
			.clock(clock)
			.open()) {
			for (int i = 1; i <= 6; i++) {
				log.append(event(i));
			}
			assertThat(this.sink.checkpoints).extracting(AuditCheckpoint::sequence).containsExactly(5L);
			clock.advance(Duration.ofSeconds(30));
			while (this.sink.checkpoints.size() < 2) {
				Thread.onSpinWait();
			}
			assertThat(this.sink.checkpoints.get(1).sequence()).isEqualTo(6);
			assertThat(this.sink.checkpoints.get(1).headHash()).isEqualTo(this.sink.records.get(5).hash());
		}
	}

	@Test
	void shortHmacKeysAndNonEd25519SigningKeysAreRejected() throws Exception {
		assertThatIllegalArgumentException().isThrownBy(() -> AuditLog.builder(this.sink, new byte[16]));
		var rsa = java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AuditLog.builder(this.sink, HMAC_KEY).signingKey(rsa.getPrivate()).open());
	}

	@Test
	void recordsAreChainedAndTheLineIsCanonical() throws IOException {
		try (AuditLog log = AuditLog.builder(this.sink, HMAC_KEY).open()) {
			log.append(event(1));
			log.append(event(2));
		}
		AuditRecord first = this.sink.records.get(0);
		AuditRecord second = this.sink.records.get(1);
		assertThat(first.previousHash()).isEqualTo(AuditRecordFormat.GENESIS_HASH);
		assertThat(second.previousHash()).isEqualTo(first.hash());
		assertThat(first.hash()).isEqualTo(AuditRecordFormat.hashHex(first.line(), 0, first.line().length));
		String line = new String(first.line(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(line).startsWith("{\"seq\":1,\"kid\":\"default\",\"prev\":\"" + AuditRecordFormat.GENESIS_HASH + "\",\"event\":{\"action\":")
			.contains("\"actor\":{\"id\":\"key-1\",\"kind\":\"api_key\",\"org\":\"acme\"}")
			.contains("\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"")
			.matches(".*,\"mac\":\"[0-9a-f]{64}\"}$");
		assertThat(AuditRecordFormat.recordSequence(first.line(), 0, first.line().length)).isEqualTo(1);
	}
}
