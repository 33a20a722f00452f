package dev.palisade.security.autoconfigure.audit;

import dev.palisade.security.audit.AuditActions;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditListener;
import dev.palisade.security.audit.AuditWriteException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Counts audit records: {@code palisade.audit.events} tagged {@code type} (the action when it is
 * one of {@link AuditActions}, else {@code application}: a bounded set) and {@code result};
 * {@code palisade.audit.dropped} for records dropped under back-pressure DROP;
 * {@code palisade.audit.failures} for sink failures; {@code palisade.audit.refused} for appends
 * refused (failed log or write timeout), each a 503.
 */
final class AuditMetricsListener implements AuditListener {

	static final String EVENTS = "palisade.audit.events";

	static final String DROPPED = "palisade.audit.dropped";

	static final String FAILURES = "palisade.audit.failures";

	static final String REFUSED = "palisade.audit.refused";

	private final ObjectProvider<MeterRegistry> registries;

	AuditMetricsListener(ObjectProvider<MeterRegistry> registries) {
		this.registries = registries;
	}

	@Override
	public void onWritten(AuditEvent event, long sequence) {
		MeterRegistry registry = this.registries.getIfUnique();
		if (registry != null) {
			Counter.builder(EVENTS)
				.description("Audit records written")
				.tag("type", AuditActions.metricType(event.action()))
				.tag("result", event.result().wireName())
				.register(registry)
				.increment();
		}
	}

	@Override
	public void onDropped(AuditEvent event) {
		MeterRegistry registry = this.registries.getIfUnique();
		if (registry != null) {
			Counter.builder(DROPPED).description("Audit records dropped because the queue was full").register(registry)
				.increment();
		}
	}

	@Override
	public void onRefused(AuditWriteException refusal) {
		MeterRegistry registry = this.registries.getIfUnique();
		if (registry != null) {
			Counter.builder(REFUSED).description("Audit appends refused; each refused request was answered 503")
				.register(registry)
				.increment();
		}
	}

	@Override
	public void onFailure(Exception failure) {
		MeterRegistry registry = this.registries.getIfUnique();
		if (registry != null) {
			Counter.builder(FAILURES).description("Audit sink failures; the log refuses writes after one")
				.register(registry)
				.increment();
		}
	}
}
