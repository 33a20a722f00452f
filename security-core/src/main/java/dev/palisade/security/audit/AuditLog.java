package dev.palisade.security.audit;

import java.io.IOException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.SecretKey;

import dev.palisade.security.crypto.keyring.Keyring;

/**
 * The tamper-evident audit log: a bounded queue in front of one writer thread that seals events
 * into a hash chain ({@link AuditRecordFormat}), writes them to an {@link AuditSink} in batches
 * (group commit), forces them according to the {@link Durability} mode and writes signed
 * Ed25519 checkpoints every N records or T time. Thread-safe; {@link #close()} drains the queue.
 * <p>
 * Each append may ask for less durability than the log's mode ({@link #append(AuditEvent, Durability)}):
 * routine events such as the successful authentication of an ordinary request take the batched
 * path and never wait for an fsync, while the sign-ins, failures and lifecycle events around
 * them still do. A caller waits at most the write timeout, for room in the queue or for its fsync.
 * <p>
 * Failure is closed: once the sink throws, every later append throws {@link AuditWriteException}.
 */
public final class AuditLog implements AutoCloseable {

	/** Shortest HMAC key accepted: 256 bits, the HMAC-SHA256 output size. */
	public static final int MIN_HMAC_KEY_BYTES = 32;

	private static final Pending POISON = new Pending(null, Durability.ASYNC);

	private final AuditSink sink;

	private final Durability durability;

	private final BackPressure backPressure;

	private final int maxBatchSize;

	private final long batchIntervalMillis;

	private final long writeTimeoutNanos;

	private final long checkpointEvery;

	private final long checkpointIntervalMillis;

	private final Clock clock;

	private final AuditListener listener;

	private final BlockingQueue<Pending> queue;

	private final RecordSealer sealer;

	private final CheckpointSigner signer;

	private final Thread writer;

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private final AtomicLong durableSequence = new AtomicLong();

	private final AtomicInteger producersInFlight = new AtomicInteger();

	private final List<Pending> awaitingForce = new ArrayList<>();

	private volatile boolean closing;

	private volatile Exception failure;

	private long lastForceMillis;

	private long lastCheckpointSequence;

	private long lastCheckpointMillis;

	private AuditLog(Builder builder) throws IOException {
		this.sink = builder.sink;
		this.durability = builder.durability;
		this.backPressure = builder.backPressure;
		this.maxBatchSize = builder.maxBatchSize;
		this.batchIntervalMillis = builder.batchInterval.toMillis();
		this.writeTimeoutNanos = builder.writeTimeout.toNanos();
		this.checkpointEvery = builder.checkpointEvery;
		this.checkpointIntervalMillis = builder.checkpointInterval.toMillis();
		this.clock = builder.clock;
		this.listener = builder.listener;
		this.queue = new ArrayBlockingQueue<>(builder.queueCapacity);
		this.signer = (builder.signingKeys != null)
				? new CheckpointSigner(builder.signingKeys.primaryId(), builder.signingKeys.primary()) : null;
		ChainHead head = this.sink.open();
		this.sealer = new RecordSealer(builder.macKeys.primaryId(), builder.macKeys.primary(), head);
		this.durableSequence.set(head.sequence());
		this.lastCheckpointSequence = head.sequence();
		this.lastCheckpointMillis = this.clock.millis();
		this.lastForceMillis = this.lastCheckpointMillis;
		this.writer = new Thread(this::run, "palisade-audit-writer");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * A builder for a log writing to {@code sink}, sealing records with {@code hmacKey}
	 * (at least {@value #MIN_HMAC_KEY_BYTES} bytes; the builder keeps a copy) under the key id
	 * {@value AuditRecordFormat#DEFAULT_KEY_ID}.
	 */
	public static Builder builder(AuditSink sink, byte[] hmacKey) {
		Objects.requireNonNull(hmacKey, "hmacKey");
		return new Builder(sink, Keyring.of(AuditRecordFormat.DEFAULT_KEY_ID, AuditKeys.hmacKey(hmacKey)));
	}

	/**
	 * A builder for a log writing to {@code sink}, sealing records with the primary of
	 * {@code macKeys}; every record names that key's id, so the key can rotate: a later start with
	 * a new primary continues the same chain, and a verifier holding both keys checks all of it.
	 * @throws IllegalArgumentException if a key id is not {@link AuditRecordFormat#isValidKeyId valid}
	 * or the primary is shorter than {@value #MIN_HMAC_KEY_BYTES} bytes
	 */
	public static Builder builder(AuditSink sink, Keyring<SecretKey> macKeys) {
		return new Builder(sink, macKeys);
	}

	/**
	 * Appends an event with this log's durability. In {@link Durability#SYNC} mode this returns
	 * once the event is forced to storage. With {@link BackPressure#BLOCK} a full queue makes the
	 * caller wait. Either wait is bounded by the write timeout.
	 * @return {@code true} when the event was accepted, {@code false} when it was dropped
	 * ({@link BackPressure#DROP} and a full queue; counted in {@link #droppedCount()})
	 * @throws AuditWriteException when the log has failed, is closed, or (SYNC) the write failed or
	 * did not finish within the write timeout
	 */
	public boolean append(AuditEvent event) {
		return append(event, this.durability);
	}

	/**
	 * Appends an event with at most the given durability: the weaker of {@code atMost} and this
	 * log's mode applies. {@code append(event, BATCHED)} on a {@code SYNC} log returns once the
	 * event is queued; the writer forces it with the next batch, at most one batch interval later.
	 * @return {@code true} when the event was accepted, {@code false} when it was dropped
	 * @throws AuditWriteException as {@link #append(AuditEvent)}
	 */
	public boolean append(AuditEvent event, Durability atMost) {
		Durability effective = weaker(this.durability, Objects.requireNonNull(atMost, "atMost"));
		try {
			Pending pending = enqueue(event, effective);
			if (pending == null) {
				return false;
			}
			if (effective == Durability.SYNC) {
				await(pending.future);
			}
			return true;
		}
		catch (AuditWriteException ex) {
			this.refused.incrementAndGet();
			safely(() -> this.listener.onRefused(ex));
			throw ex;
		}
	}

	/**
	 * Appends an event and returns a future completing with its sequence number once it is
	 * durable by this log's mode (forced for {@code SYNC}/{@code BATCHED}, written for {@code ASYNC}).
	 * A dropped event's future fails with {@link AuditWriteException}.
	 */
	public CompletableFuture<Long> submit(AuditEvent event) {
		Pending pending = enqueue(event, this.durability);
		if (pending == null) {
			return CompletableFuture.failedFuture(new AuditWriteException("audit queue full; event dropped", null));
		}
		return pending.future;
	}

	/** Events dropped under {@link BackPressure#DROP} since this log was opened. */
	public long droppedCount() {
		return this.dropped.get();
	}

	/** Appends refused with {@link AuditWriteException} since this log was opened. */
	public long refusedCount() {
		return this.refused.get();
	}

	/** Highest sequence number that is durable by this log's mode. */
	public long durableSequence() {
		return this.durableSequence.get();
	}

	/** Events waiting in the queue. */
	public int queuedCount() {
		return this.queue.size();
	}

	/** Whether the sink has failed and the log refuses writes. */
	public boolean isFailed() {
		return this.failure != null;
	}

	/** Stops accepting events, writes everything queued, forces, writes a final checkpoint and closes the sink. */
	@Override
	public void close() {
		if (this.closing) {
			joinWriter();
			return;
		}
		this.closing = true;
		this.queue.offer(POISON);
		joinWriter();
	}

	private static Durability weaker(Durability a, Durability b) {
		return (a.ordinal() >= b.ordinal()) ? a : b;
	}

	private Pending enqueue(AuditEvent event, Durability durability) {
		Objects.requireNonNull(event, "event");
		this.producersInFlight.incrementAndGet();
		try {
			if (this.closing) {
				throw new AuditWriteException("audit log is closed", null);
			}
			if (this.failure != null) {
				throw new AuditWriteException("audit log has failed and refuses writes", this.failure);
			}
			Pending pending = new Pending(event, durability);
			if (this.backPressure == BackPressure.DROP) {
				if (!this.queue.offer(pending)) {
					this.dropped.incrementAndGet();
					safely(() -> this.listener.onDropped(event));
					return null;
				}
			}
			else {
				try {
					if (!this.queue.offer(pending, this.writeTimeoutNanos, TimeUnit.NANOSECONDS)) {
						throw new AuditWriteException("no room in the audit queue within the write timeout", null);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AuditWriteException("interrupted while waiting for room in the audit queue", ex);
				}
			}
			return pending;
		}
		finally {
			this.producersInFlight.decrementAndGet();
		}
	}

	private void await(CompletableFuture<Long> future) {
		try {
			future.get(this.writeTimeoutNanos, TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof AuditWriteException write) {
				throw write;
			}
			throw new AuditWriteException("audit write failed", ex.getCause());
		}
		catch (TimeoutException ex) {
			// the record stays queued and is written when the sink recovers; the caller is not kept
			throw new AuditWriteException("audit record not durable within the write timeout", null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AuditWriteException("interrupted while waiting for the audit write", ex);
		}
	}

	private void joinWriter() {
		boolean interrupted = false;
		while (this.writer.isAlive()) {
			try {
				this.writer.join();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private void run() {
		List<Pending> batch = new ArrayList<>(this.maxBatchSize);
		long pollMillis = Math.max(1, Math.min(100, Math.min(this.batchIntervalMillis, this.checkpointIntervalMillis)));
		while (!this.closing || this.producersInFlight.get() > 0 || !this.queue.isEmpty()) {
			Pending first;
			try {
				first = this.queue.poll(pollMillis, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				// nobody interrupts this thread on purpose; interrupts would close the file channel
				continue;
			}
			if (first == null) {
				onIdle();
				continue;
			}
			batch.add(first);
			this.queue.drainTo(batch, this.maxBatchSize - 1);
			batch.removeIf((pending) -> pending == POISON);
			if (!batch.isEmpty()) {
				process(batch);
			}
			batch.clear();
		}
		finish();
	}

	private void process(List<Pending> batch) {
		if (this.failure != null) {
			batch.forEach((pending) -> pending.future.completeExceptionally(
					new AuditWriteException("audit log has failed and refuses writes", this.failure)));
			return;
		}
		try {
			List<AuditRecord> records = new ArrayList<>(batch.size());
			for (Pending pending : batch) {
				AuditRecord record = this.sealer.seal(pending.event);
				pending.sequence = record.sequence();
				records.add(record);
			}
			this.sink.append(records);
			long now = this.clock.millis();
			boolean syncWaiting = false;
			List<Pending> written = new ArrayList<>(0);
			for (Pending pending : batch) {
				switch (pending.durability) {
					case SYNC -> {
						syncWaiting = true;
						this.awaitingForce.add(pending);
					}
					case BATCHED -> this.awaitingForce.add(pending);
					case ASYNC -> written.add(pending);
				}
			}
			complete(written);
			// group commit: one force covers every caller of the batch, and batched records ride along
			if (syncWaiting || (!this.awaitingForce.isEmpty() && (now - this.lastForceMillis >= this.batchIntervalMillis
					|| this.awaitingForce.size() >= this.maxBatchSize))) {
				force(now);
			}
			maybeCheckpoint(now);
		}
		catch (IOException | RuntimeException ex) {
			fail(ex, batch);
		}
	}

	private void onIdle() {
		if (this.failure != null) {
			return;
		}
		try {
			long now = this.clock.millis();
			if (!this.awaitingForce.isEmpty() && now - this.lastForceMillis >= this.batchIntervalMillis) {
				force(now);
			}
			maybeCheckpoint(now);
		}
		catch (IOException | RuntimeException ex) {
			fail(ex, List.of());
		}
	}

	private void finish() {
		try {
			if (this.failure == null) {
				long now = this.clock.millis();
				force(now);
				if (this.signer != null && this.sealer.sequence() > this.lastCheckpointSequence) {
					writeCheckpoint(now);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			fail(ex, List.of());
		}
		finally {
			try {
				this.sink.close();
			}
			catch (IOException | RuntimeException ex) {
				safely(() -> this.listener.onFailure(ex));
			}
		}
	}

	private void force(long now) throws IOException {
		this.sink.force();
		this.lastForceMillis = now;
		complete(this.awaitingForce);
		this.awaitingForce.clear();
	}

	private void complete(List<Pending> done) {
		for (Pending pending : done) {
			this.durableSequence.accumulateAndGet(pending.sequence, Math::max);
			safely(() -> this.listener.onWritten(pending.event, pending.sequence));
			pending.future.complete(pending.sequence);
		}
	}

	private void maybeCheckpoint(long now) throws IOException {
		long sequence = this.sealer.sequence();
		if (this.signer == null || sequence <= this.lastCheckpointSequence) {
			return;
		}
		if (sequence - this.lastCheckpointSequence >= this.checkpointEvery
				|| now - this.lastCheckpointMillis >= this.checkpointIntervalMillis) {
			// a checkpoint must never cover records that are not yet durable
			force(now);
			writeCheckpoint(now);
		}
	}

	private void writeCheckpoint(long now) throws IOException {
		AuditCheckpoint checkpoint = this.signer.sign(this.sealer.sequence(), this.sealer.head(),
				java.time.Instant.ofEpochMilli(now));
		this.sink.appendCheckpoint(checkpoint);
		this.lastCheckpointSequence = checkpoint.sequence();
		this.lastCheckpointMillis = now;
		safely(() -> this.listener.onCheckpoint(checkpoint));
	}

	private void fail(Exception ex, List<Pending> batch) {
		this.failure = ex;
		// report first: a caller released below must find the failure already counted
		safely(() -> this.listener.onFailure(ex));
		AuditWriteException error = new AuditWriteException("audit sink failed; the log refuses further writes", ex);
		batch.forEach((pending) -> pending.future.completeExceptionally(error));
		this.awaitingForce.forEach((pending) -> pending.future.completeExceptionally(error));
		this.awaitingForce.clear();
	}

	private static void safely(Runnable callback) {
		try {
			callback.run();
		}
		catch (RuntimeException ex) {
			// a broken metrics listener must not stop the audit log
		}
	}

	private static final class Pending {

		final AuditEvent event;

		final Durability durability;

		final CompletableFuture<Long> future = new CompletableFuture<>();

		long sequence;

		Pending(AuditEvent event, Durability durability) {
			this.event = event;
			this.durability = durability;
		}
	}

	private static void requireKeyIds(Keyring<?> keys) {
		for (Keyring.Entry<?> entry : keys.entries()) {
			if (!AuditRecordFormat.isValidKeyId(entry.keyId())) {
				throw new IllegalArgumentException("an audit key id must be 1 to " + AuditRecordFormat.MAX_KEY_ID_LENGTH
						+ " characters of [A-Za-z0-9._-]");
			}
		}
	}

	/** Configures and opens an {@link AuditLog}. Defaults: SYNC, BLOCK, queue 8192, batch 512, 50 ms, write timeout 5 s, checkpoint every 1000 records or 60 s. */
	public static final class Builder {

		private final AuditSink sink;

		private final Keyring<SecretKey> macKeys;

		private Keyring<PrivateKey> signingKeys;

		private Durability durability = Durability.SYNC;

		private BackPressure backPressure = BackPressure.BLOCK;

		private int queueCapacity = 8192;

		private int maxBatchSize = 512;

		private Duration batchInterval = Duration.ofMillis(50);

		private Duration writeTimeout = Duration.ofSeconds(5);

		private long checkpointEvery = 1000;

		private Duration checkpointInterval = Duration.ofSeconds(60);

		private Clock clock = Clock.systemUTC();

		private AuditListener listener = new AuditListener() {
		};

		private Builder(AuditSink sink, Keyring<SecretKey> macKeys) {
			this.sink = Objects.requireNonNull(sink, "sink");
			Objects.requireNonNull(macKeys, "macKeys");
			requireKeyIds(macKeys);
			byte[] primary = macKeys.primary().getEncoded();
			int length = (primary != null) ? primary.length : 0;
			if (primary != null) {
				Arrays.fill(primary, (byte) 0);
			}
			if (length < MIN_HMAC_KEY_BYTES) {
				throw new IllegalArgumentException("audit HMAC key must be at least " + MIN_HMAC_KEY_BYTES + " bytes");
			}
			this.macKeys = macKeys;
		}

		/**
		 * Ed25519 key that signs checkpoints, under the key id {@value AuditRecordFormat#DEFAULT_KEY_ID};
		 * without one no checkpoints are written.
		 */
		public Builder signingKey(PrivateKey signingKey) {
			this.signingKeys = (signingKey != null) ? Keyring.of(AuditRecordFormat.DEFAULT_KEY_ID, signingKey) : null;
			return this;
		}

		/** Ed25519 keys; the primary signs checkpoints and every checkpoint names its id. */
		public Builder signingKeys(Keyring<PrivateKey> signingKeys) {
			if (signingKeys != null) {
				requireKeyIds(signingKeys);
			}
			this.signingKeys = signingKeys;
			return this;
		}

		/** When an append counts as written. */
		public Builder durability(Durability durability) {
			this.durability = Objects.requireNonNull(durability, "durability");
			return this;
		}

		/** What to do when the queue is full. */
		public Builder backPressure(BackPressure backPressure) {
			this.backPressure = Objects.requireNonNull(backPressure, "backPressure");
			return this;
		}

		/** Bound of the queue in events. */
		public Builder queueCapacity(int queueCapacity) {
			this.queueCapacity = positive(queueCapacity, "queueCapacity");
			return this;
		}

		/** Most events written (and forced) together. */
		public Builder maxBatchSize(int maxBatchSize) {
			this.maxBatchSize = positive(maxBatchSize, "maxBatchSize");
			return this;
		}

		/** In BATCHED mode, the longest an event waits before it is forced. */
		public Builder batchInterval(Duration batchInterval) {
			this.batchInterval = positive(batchInterval, "batchInterval");
			return this;
		}

		/**
		 * Longest a caller waits for room in the queue ({@link BackPressure#BLOCK}) or for its
		 * record to be forced ({@link Durability#SYNC}) before {@link AuditWriteException}.
		 */
		public Builder writeTimeout(Duration writeTimeout) {
			this.writeTimeout = positive(writeTimeout, "writeTimeout");
			return this;
		}

		/** A checkpoint is written after this many records. */
		public Builder checkpointEvery(long records) {
			this.checkpointEvery = positive((int) Math.min(Integer.MAX_VALUE, records), "checkpointEvery");
			return this;
		}

		/** A checkpoint is written when this much time passed since the last and new records exist. */
		public Builder checkpointInterval(Duration interval) {
			this.checkpointInterval = positive(interval, "checkpointInterval");
			return this;
		}

		/** Clock for checkpoint times and intervals. */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/** Metrics and anchoring hook. */
		public Builder listener(AuditListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener");
			return this;
		}

		/**
		 * Opens the sink, recovers the chain head and starts the writer thread.
		 * @throws IOException when the sink cannot be opened
		 */
		public AuditLog open() throws IOException {
			return new AuditLog(this);
		}

		private static int positive(int value, String name) {
			if (value <= 0) {
				throw new IllegalArgumentException(name + " must be positive");
			}
			return value;
		}

		private static Duration positive(Duration value, String name) {
			if (value == null || value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be a positive duration");
			}
			return value;
		}
	}
}
