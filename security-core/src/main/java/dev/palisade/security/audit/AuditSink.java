package dev.palisade.security.audit;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Where sealed records go. Called from the single writer thread of an {@link AuditLog} only,
 * so implementations need no locking.
 */
public interface AuditSink extends Closeable {

	/**
	 * Opens the store and returns where its chain ends. A torn last line left by a crash (never
	 * acknowledged in {@link Durability#SYNC} mode) is cut off here so appends continue cleanly.
	 */
	ChainHead open() throws IOException;

	/** Writes records in order. They need not be durable until {@link #force()}. */
	void append(List<AuditRecord> records) throws IOException;

	/** Makes everything appended so far durable (fsync, commit). */
	void force() throws IOException;

	/** Writes a checkpoint durably; called only after the records it covers were forced. */
	void appendCheckpoint(AuditCheckpoint checkpoint) throws IOException;
}
