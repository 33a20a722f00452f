package dev.palisade.security.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory {@link AuditSink} (an SPI test double, not a server fake) that records appends and
 * forces, can hold the writer at a gate, and can be told to fail.
 */
final class RecordingSink implements AuditSink {

	final List<AuditRecord> records = java.util.Collections.synchronizedList(new ArrayList<>());

	final List<AuditCheckpoint> checkpoints = java.util.Collections.synchronizedList(new ArrayList<>());

	final AtomicInteger forces = new AtomicInteger();

	final AtomicInteger batches = new AtomicInteger();

	volatile long forcedThrough;

	volatile CountDownLatch gate;

	final CountDownLatch writerAtGate = new CountDownLatch(1);

	volatile boolean failNextAppend;

	volatile boolean closed;

	@Override
	public ChainHead open() {
		return ChainHead.genesis();
	}

	@Override
	public void append(List<AuditRecord> batch) throws IOException {
		CountDownLatch held = this.gate;
		if (held != null) {
			this.writerAtGate.countDown();
			try {
				held.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.failNextAppend) {
			throw new IOException("disk full");
		}
		this.batches.incrementAndGet();
		this.records.addAll(batch);
	}

	@Override
	public void force() {
		this.forces.incrementAndGet();
		synchronized (this.records) {
			this.forcedThrough = this.records.isEmpty() ? 0 : this.records.get(this.records.size() - 1).sequence();
		}
	}

	@Override
	public void appendCheckpoint(AuditCheckpoint checkpoint) {
		this.checkpoints.add(checkpoint);
	}

	@Override
	public void close() {
		this.closed = true;
	}
}
