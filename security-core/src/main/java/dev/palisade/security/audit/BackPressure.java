package dev.palisade.security.audit;

/** What {@link AuditLog#append} does when the queue is full. */
public enum BackPressure {

	/** Wait for room (default): no event is lost, callers slow down. */
	BLOCK,

	/** Drop the event, count it in {@link AuditLog#droppedCount()} and tell the listener. */
	DROP
}
