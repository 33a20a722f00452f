package dev.palisade.security.autoconfigure.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when one cheap read of a credential store (a lookup of an id that does not exist) answers,
 * DOWN with the exception's type when it throws. The message is left out: it can hold a
 * connection string.
 */
public final class StoreProbeHealthIndicator extends AbstractHealthIndicator {

	/** The probe: a read that touches the store and finds nothing. */
	@FunctionalInterface
	public interface Probe {

		void read() throws Exception;
	}

	private final String store;

	private final Probe probe;

	/**
	 * @param store names the store in the details (its class, never its address)
	 * @param probe the read
	 */
	public StoreProbeHealthIndicator(String store, Probe probe) {
		super("Store health check failed");
		this.store = store;
		this.probe = probe;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("store", this.store);
		try {
			this.probe.read();
			builder.up();
		}
		catch (Exception ex) {
			builder.down().withDetail("error", ex.getClass().getName());
		}
	}
}
