package dev.palisade.security.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LastUsedRecorderTest {

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

	private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();

	@AfterEach
	void stopExecutor() {
		this.executor.shutdownNow();
	}

	private List<String> storedKeys(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ApiKeyRecord record = ApiKeyTestData.record("acme", ApiKeyTestData.T0);
			this.store.save(record);
			ids.add(record.id());
		}
		return ids;
	}

	@Test
	void flushWritesTheLatestTimePerKeyInOneBatch() {
		List<String> ids = storedKeys(2);
		List<Map<String, Instant>> batches = new ArrayList<>();
		ApiKeyStore spying = new CountingApiKeyStore(this.store) {
			@Override
			public void updateLastUsed(Map<String, Instant> lastUsedByKeyId) {
				batches.add(Map.copyOf(lastUsedByKeyId));
				super.updateLastUsed(lastUsedByKeyId);
			}
		};
		try (LastUsedRecorder recorder = new LastUsedRecorder(spying, this.executor, Duration.ofHours(1))) {
			recorder.record(ids.get(0), ApiKeyTestData.T0.plusSeconds(5));
			recorder.record(ids.get(0), ApiKeyTestData.T0.plusSeconds(3));
			recorder.record(ids.get(1), ApiKeyTestData.T0.plusSeconds(1));
			assertThat(recorder.flush()).isEqualTo(2);
			assertThat(recorder.flush()).isZero();
		}
		assertThat(batches).hasSize(1);
		assertThat(this.store.findById(ids.get(0)).orElseThrow().lastUsedAt())
			.isEqualTo(ApiKeyTestData.T0.plusSeconds(5));
		assertThat(this.store.findById(ids.get(1)).orElseThrow().lastUsedAt())
			.isEqualTo(ApiKeyTestData.T0.plusSeconds(1));
	}

	@Test
	void concurrentRecordingAndFlushingLosesNoUpdate() throws Exception {
		List<String> ids = storedKeys(8);
		int threads = 8;
		int perThread = 5_000;
		Map<String, Instant> expected = new ConcurrentHashMap<>();
		try (LastUsedRecorder recorder = new LastUsedRecorder(this.store, this.executor, Duration.ofHours(1))) {
			CountDownLatch start = new CountDownLatch(1);
			AtomicBoolean recording = new AtomicBoolean(true);
			List<Thread> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				workers.add(new Thread(() -> {
					await(start);
					for (int i = 0; i < perThread; i++) {
						String id = ids.get((i + thread) % ids.size());
						Instant at = ApiKeyTestData.T0.plusMillis(i * (long) threads + thread);
						recorder.record(id, at);
						expected.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
					}
				}));
			}
			Thread flusher = new Thread(() -> {
				await(start);
				while (recording.get()) {
					recorder.flush();
				}
			});
			workers.forEach(Thread::start);
			flusher.start();
			start.countDown();
			for (Thread worker : workers) {
				worker.join();
			}
			recording.set(false);
			flusher.join();
		} // close() flushes the rest
		for (String id : ids) {
			assertThat(this.store.findById(id).orElseThrow().lastUsedAt()).as(id).isEqualTo(expected.get(id));
		}
	}

	@Test
	@Timeout(30) // a hang here means record() waited on the store
	void recordNeverWaitsOnAStoreWrite() throws Exception {
		List<String> ids = storedKeys(1);
		CountDownLatch writeStarted = new CountDownLatch(1);
		CountDownLatch releaseWrite = new CountDownLatch(1);
		ApiKeyStore slow = new CountingApiKeyStore(this.store) {
			@Override
			public void updateLastUsed(Map<String, Instant> lastUsedByKeyId) {
				writeStarted.countDown();
				await(releaseWrite);
				super.updateLastUsed(lastUsedByKeyId);
			}
		};
		LastUsedRecorder recorder = new LastUsedRecorder(slow, this.executor, Duration.ofHours(1));
		recorder.record(ids.get(0), ApiKeyTestData.T0.plusSeconds(1));
		Thread flushing = new Thread(recorder::flush);
		flushing.start();
		writeStarted.await();
		// the store write is stuck; recording must still complete
		recorder.record(ids.get(0), ApiKeyTestData.T0.plusSeconds(2));
		assertThat(recorder.pendingCount()).isOne();
		releaseWrite.countDown();
		flushing.join();
		recorder.close();
		assertThat(this.store.findById(ids.get(0)).orElseThrow().lastUsedAt())
			.isEqualTo(ApiKeyTestData.T0.plusSeconds(2));
	}

	@Test
	void failedBatchIsKeptAndWrittenByTheNextFlush() {
		List<String> ids = storedKeys(1);
		AtomicBoolean down = new AtomicBoolean(true);
		ApiKeyStore flaky = new CountingApiKeyStore(this.store) {
			@Override
			public void updateLastUsed(Map<String, Instant> lastUsedByKeyId) {
				if (down.get()) {
					throw new ApiKeyStoreException("database down");
				}
				super.updateLastUsed(lastUsedByKeyId);
			}
		};
		try (LastUsedRecorder recorder = new LastUsedRecorder(flaky, this.executor, Duration.ofHours(1))) {
			recorder.record(ids.get(0), ApiKeyTestData.T0.plusSeconds(7));
			assertThatExceptionOfType(ApiKeyStoreException.class).isThrownBy(recorder::flush);
			assertThat(recorder.failedFlushes()).isOne();
			assertThat(recorder.pendingCount()).isOne();
			down.set(false);
			assertThat(recorder.flush()).isOne();
		}
		assertThat(this.store.findById(ids.get(0)).orElseThrow().lastUsedAt())
			.isEqualTo(ApiKeyTestData.T0.plusSeconds(7));
	}

	@Test
	void scheduledFlushWritesWithoutAnExplicitCall() throws Exception {
		List<String> ids = storedKeys(1);
		CountDownLatch written = new CountDownLatch(1);
		ApiKeyStore signalling = new CountingApiKeyStore(this.store) {
			@Override
			public void updateLastUsed(Map<String, Instant> lastUsedByKeyId) {
				super.updateLastUsed(lastUsedByKeyId);
				written.countDown();
			}
		};
		try (LastUsedRecorder recorder = LastUsedRecorder.start(signalling, Duration.ofMillis(10))) {
			recorder.record(ids.get(0), ApiKeyTestData.T0.plusSeconds(1));
			written.await();
		}
		assertThat(this.store.findById(ids.get(0)).orElseThrow().lastUsedAt())
			.isEqualTo(ApiKeyTestData.T0.plusSeconds(1));
	}

	@Test
	void olderTimesNeverOverwriteNewerOnesInTheStore() {
		List<String> ids = storedKeys(1);
		this.store.updateLastUsed(Map.of(ids.get(0), ApiKeyTestData.T0.plusSeconds(10)));
		this.store.updateLastUsed(Map.of(ids.get(0), ApiKeyTestData.T0.plusSeconds(5)));
		assertThat(this.store.findById(ids.get(0)).orElseThrow().lastUsedAt())
			.isEqualTo(ApiKeyTestData.T0.plusSeconds(10));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
