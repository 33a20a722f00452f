package dev.palisade.security.audit;

/**
 * Where features hand their audit events: API-key creation, token revocation, refresh-token
 * reuse, rate-limit refusals... The Spring integration provides one that fills in the caller
 * (actor, client address, user agent, trace id) from the current request when the event leaves
 * them empty, appends to the {@link AuditLog} and forwards to metrics and Actuator.
 * <p>
 * Fail closed: when the log cannot write, {@link #record} throws {@link AuditWriteException}.
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
}
