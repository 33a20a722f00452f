package dev.palisade.security.autoconfigure.health;

import dev.palisade.security.autoconfigure.ratelimit.RemoteBackendConnection;
import dev.palisade.security.ratelimit.FailureMode;
import dev.palisade.security.ratelimit.RateLimitBackend;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The rate-limit backend: the local one is always UP; a remote one (Redis) is DOWN while it is not
 * connected, with the failure mode that answers decisions meanwhile (fail-open admits, fail-closed
 * refuses), so a readiness group can decide what that means for the instance.
 */
public final class RateLimitBackendHealthIndicator extends AbstractHealthIndicator {

	private final RateLimitBackend backend;

	private final FailureMode failureMode;

	public RateLimitBackendHealthIndicator(RateLimitBackend backend, FailureMode failureMode) {
		super("Rate-limit backend health check failed");
		this.backend = backend;
		this.failureMode = failureMode;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("backend", this.backend.name());
		if (this.backend instanceof RemoteBackendConnection remote && !remote.isConnected()) {
			builder.down().withDetail("failureMode", this.failureMode);
			return;
		}
		builder.up();
	}
}
