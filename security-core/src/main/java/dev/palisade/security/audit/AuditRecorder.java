package dev.palisade.security.audit;

/**
 * Where features hand their audit events: API-key creation, token revocation, refresh-token
 * reuse, rate-limit refusals... The Spring integration provides one that fills in the caller
 * (actor, client address, user agent, trace id) from the current request when the event leaves
 * them empty, appends to the {@link AuditLog} and forwards to metrics and Actuator.
 * <p>
 * Fail closed: when the log cannot write, {@link #record} throws {@link AuditWriteException}
 * within the log's write timeout; the web layer answers such a request with 503, never 500.
 */
@FunctionalInterface
public interface AuditRecorder {

	/** A recorder that drops everything (audit switched off). */
	AuditRecorder NONE = (event) -> {
	};

	/**
	 * Records an event.
	 * @throws AuditWriteException when the log has failed or is closed
	 */
	void record(AuditEvent event);

	/**
	 * Records a routine, high-volume event (the successful authentication of an ordinary request)
	 * without waiting for it to be forced to storage: it is written with the next batch, at most one
	 * batch interval later. Security decisions that must be durable before the response (sign-ins,
	 * failures, denials, lifecycle changes) use {@link #record}. The default records durably.
	 * @throws AuditWriteException when the log has failed or is closed
	 */
	default void recordBatched(AuditEvent event) {
		record(event);
	}
}
