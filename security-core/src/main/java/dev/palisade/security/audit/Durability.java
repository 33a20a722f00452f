package dev.palisade.security.audit;

/** When an appended event counts as written. */
public enum Durability {

	/** {@link AuditLog#append} returns after the event is forced to storage; callers waiting together share one fsync. */
	SYNC,

	/** {@link AuditLog#append} returns once queued; the writer forces each batch, at most one batch interval late. */
	BATCHED,

	/** {@link AuditLog#append} returns once queued; the writer forces only at checkpoints, rotation and close. */
	ASYNC
}
