package dev.palisade.security.autoconfigure.audit;

import java.util.List;

import dev.palisade.security.audit.AuditCheckpoint;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditListener;

/** Tells every {@link AuditListener} bean, in order; one listener's exception does not stop the others. */
final class CompositeAuditListener implements AuditListener {

	private final List<AuditListener> listeners;

	CompositeAuditListener(List<AuditListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void onWritten(AuditEvent event, long sequence) {
		each((listener) -> listener.onWritten(event, sequence));
	}

	@Override
	public void onDropped(AuditEvent event) {
		each((listener) -> listener.onDropped(event));
	}

	@Override
	public void onCheckpoint(AuditCheckpoint checkpoint) {
		each((listener) -> listener.onCheckpoint(checkpoint));
	}

	@Override
	public void onRefused(dev.palisade.security.audit.AuditWriteException refusal) {
		each((listener) -> listener.onRefused(refusal));
	}

	@Override
	public void onFailure(Exception failure) {
		each((listener) -> listener.onFailure(failure));
	}

	private void each(java.util.function.Consumer<AuditListener> call) {
		for (AuditListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				// listeners are for metrics and forwarding; they must not stop each other
			}
		}
	}
}
