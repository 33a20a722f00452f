package dev.palisade.security.autoconfigure.refresh;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.palisade.security.refresh.RefreshTokenService;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Deletes expired refresh-token families every {@code interval}, in batches, on one daemon
 * thread of its own (no {@code @EnableScheduling} needed). A failed sweep is logged and retried at
 * the next interval.
 */
public final class RefreshTokenSweeper implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RefreshTokenSweeper.class);

	private final RefreshTokenService service;

	private final Duration interval;

	private final int batchSize;

	private ScheduledExecutorService executor;

	public RefreshTokenSweeper(RefreshTokenService service, Duration interval, int batchSize) {
		this.service = service;
		this.interval = interval;
		this.batchSize = batchSize;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "palisade-refresh-sweeper");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.executor.scheduleWithFixedDelay(this::sweepOnce, millis, millis, TimeUnit.MILLISECONDS);
	}

	/** One sweep now, on the caller's thread; never throws. */
	public int sweepOnce() {
		try {
			int deleted = this.service.sweepExpired(this.batchSize);
			if (deleted > 0 && logger.isDebugEnabled()) {
				logger.debug("Swept " + deleted + " expired refresh-token families");
			}
			return deleted;
		}
		catch (RuntimeException ex) {
			logger.warn("Refresh-token sweep failed: " + ex.getClass().getName());
			return 0;
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}
}
