package dev.palisade.security.autoconfigure.health;

import dev.palisade.security.audit.AuditLog;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * DOWN once the audit log has failed (its writer stopped after a write error): from then on every
 * request that needs a record is answered 503. Details count what is queued, dropped and refused.
 */
public final class AuditLogHealthIndicator extends AbstractHealthIndicator {

	private final AuditLog log;

	public AuditLogHealthIndicator(AuditLog log) {
		super("Audit log health check failed");
		this.log = log;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		(this.log.isFailed() ? builder.down() : builder.up()).withDetail("durableSequence", this.log.durableSequence())
			.withDetail("queued", this.log.queuedCount())
			.withDetail("dropped", this.log.droppedCount())
			.withDetail("refused", this.log.refusedCount());
	}
}
