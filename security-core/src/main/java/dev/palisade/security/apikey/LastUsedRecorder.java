package dev.palisade.security.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records when keys were last used without making any request wait on a write:
 * {@link #record(String, Instant)} only merges into a concurrent map (keeping the latest time
 * per key), and a single scheduled task writes the collected times to the store in one batch per
 * interval. A failed batch is merged back and retried on the next flush; {@link #close()}
 * flushes what is left. Times recorded after {@code close()} are not written.
 */
public final class LastUsedRecorder implements AutoCloseable {

	private final ApiKeyStore store;

	private final ConcurrentHashMap<String, Instant> pending = new ConcurrentHashMap<>();

	private final Object flushLock = new Object();

	private final AtomicLong failedFlushes = new AtomicLong();

	private final ScheduledExecutorService ownedExecutor;

	private final ScheduledFuture<?> schedule;

	/**
	 * A recorder that flushes on the given executor every {@code interval}; the caller owns the
	 * executor (it is not shut down by {@link #close()}).
	 */
	public LastUsedRecorder(ApiKeyStore store, ScheduledExecutorService executor, Duration interval) {
		this(store, executor, interval, null);
	}

	private LastUsedRecorder(ApiKeyStore store, ScheduledExecutorService executor, Duration interval,
			ScheduledExecutorService ownedExecutor) {
		this.store = Objects.requireNonNull(store, "store");
		Objects.requireNonNull(executor, "executor");
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("flush interval must be positive");
		}
		this.ownedExecutor = ownedExecutor;
		long nanos = interval.toNanos();
		this.schedule = executor.scheduleWithFixedDelay(this::flushQuietly, nanos, nanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * A recorder with its own single daemon thread, flushing every {@code interval}; {@link #close()}
	 * stops the thread.
	 */
	public static LastUsedRecorder start(ApiKeyStore store, Duration interval) {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "palisade-apikey-last-used");
			thread.setDaemon(true);
			return thread;
		});
		return new LastUsedRecorder(store, executor, interval, executor);
	}

	/** Notes a use of {@code keyId} at {@code usedAt}. Never blocks on I/O. */
	public void record(String keyId, Instant usedAt) {
		this.pending.merge(keyId, usedAt, LastUsedRecorder::latest);
	}

	/**
	 * Writes everything recorded so far in one batch.
	 * @return the number of keys written
	 * @throws ApiKeyStoreException if the store failed (the batch stays pending)
	 */
	public int flush() {
		synchronized (this.flushLock) {
			Map<String, Instant> batch = new HashMap<>(this.pending);
			if (batch.isEmpty()) {
				return 0;
			}
			// remove only entries nobody changed meanwhile: a newer time stays for the next batch
			batch.forEach(this.pending::remove);
			try {
				this.store.updateLastUsed(batch);
			}
			catch (RuntimeException ex) {
				batch.forEach(this::record);
				this.failedFlushes.incrementAndGet();
				throw ex;
			}
			return batch.size();
		}
	}

	/** Number of keys whose last use is waiting to be written. */
	public int pendingCount() {
		return this.pending.size();
	}

	/** Number of flushes the store refused so far (for a metric or health check). */
	public long failedFlushes() {
		return this.failedFlushes.get();
	}

	/** Stops the schedule and writes what is pending. */
	@Override
	public void close() {
		this.schedule.cancel(false);
		if (this.ownedExecutor != null) {
			this.ownedExecutor.shutdown();
		}
		flush();
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			// counted in failedFlushes and retried on the next run; throwing would cancel the schedule
		}
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
