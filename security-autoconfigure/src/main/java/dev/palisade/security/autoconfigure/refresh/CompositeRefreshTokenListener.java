package dev.palisade.security.autoconfigure.refresh;

import java.util.List;
import java.util.function.Consumer;

import dev.palisade.security.audit.AuditWriteException;
import dev.palisade.security.refresh.RefreshFamily;
import dev.palisade.security.refresh.RefreshTokenListener;
import dev.palisade.security.refresh.RotationFailure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Tells every {@link RefreshTokenListener} bean, in order, about each event. One failing listener
 * is logged (by exception type only) and does not keep the others from being told; an audit
 * refusal ({@link AuditWriteException}) is rethrown once all were told, so the request fails closed (503).
 */
final class CompositeRefreshTokenListener implements RefreshTokenListener {

	private static final Log logger = LogFactory.getLog(CompositeRefreshTokenListener.class);

	private final List<RefreshTokenListener> listeners;

	CompositeRefreshTokenListener(List<RefreshTokenListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	/** One listener for all of them: {@link RefreshTokenListener#NONE}, the single one, or a composite. */
	static RefreshTokenListener of(List<RefreshTokenListener> listeners) {
		if (listeners.isEmpty()) {
			return RefreshTokenListener.NONE;
		}
		return (listeners.size() == 1) ? listeners.get(0) : new CompositeRefreshTokenListener(listeners);
	}

	@Override
	public void onIssued(RefreshFamily family) {
		each((listener) -> listener.onIssued(family));
	}

	@Override
	public void onRotated(RefreshFamily family) {
		each((listener) -> listener.onRotated(family));
	}

	@Override
	public void onReuseDetected(RefreshFamily family) {
		each((listener) -> listener.onReuseDetected(family));
	}

	@Override
	public void onRejected(RotationFailure reason, RefreshFamily family) {
		each((listener) -> listener.onRejected(reason, family));
	}

	@Override
	public void onRevoked(RefreshFamily family) {
		each((listener) -> listener.onRevoked(family));
	}

	private void each(Consumer<RefreshTokenListener> event) {
		AuditWriteException refused = null;
		for (RefreshTokenListener listener : this.listeners) {
			try {
				event.accept(listener);
			}
			catch (AuditWriteException ex) {
				refused = ex;
			}
			catch (RuntimeException ex) {
				logger.warn("Refresh-token listener " + listener.getClass().getName() + " failed: "
						+ ex.getClass().getName());
			}
		}
		if (refused != null) {
			throw refused;
		}
	}
}
