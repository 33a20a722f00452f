package dev.palisade.security.audit;

/**
 * Hook for metrics and external anchoring. Methods run on the writer thread (except
 * {@link #onDropped} and {@link #onRefused}, which run on the caller's thread); they must be quick
 * and must not throw.
 */
public interface AuditListener {

	/** An event was written (and, in {@code SYNC}/{@code BATCHED} mode, forced) at {@code sequence}. */
	default void onWritten(AuditEvent event, long sequence) {
	}

	/** An event was dropped because the queue was full and the policy is {@link BackPressure#DROP}. */
	default void onDropped(AuditEvent event) {
	}

	/** A checkpoint was written; publish it elsewhere to make truncation of the log's tail evident. */
	default void onCheckpoint(AuditCheckpoint checkpoint) {
	}

	/**
	 * An append was refused with {@link AuditWriteException}: the log has failed or is closed, or
	 * the caller's wait for room or for its fsync passed the write timeout. The caller's request fails.
	 */
	default void onRefused(AuditWriteException refusal) {
	}

	/** The sink failed; the log is now closed for writes (fail closed). */
	default void onFailure(Exception failure) {
	}
}
