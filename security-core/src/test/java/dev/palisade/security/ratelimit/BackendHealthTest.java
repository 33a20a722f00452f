package dev.palisade.security.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackendHealthTest {

	private final List<LogRecord> logs = new ArrayList<>();

	private final Logger julLogger = Logger.getLogger(BackendHealth.class.getName());

	private final Handler handler = new Handler() {

		@Override
		public void publish(LogRecord record) {
			BackendHealthTest.this.logs.add(record);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	};

	private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

	private final AtomicInteger unavailable = new AtomicInteger();

	private final BackendHealth health = new BackendHealth("redis", FailureMode.FAIL_OPEN,
			new RateLimiterHealthListener() {
				@Override
				public void backendUnavailable(String backend, Throwable cause) {
					BackendHealthTest.this.unavailable.incrementAndGet();
				}
			}, this.nanos::get);

	@BeforeEach
	void captureLogs() {
		this.julLogger.addHandler(this.handler);
	}

	@AfterEach
	void releaseLogs() {
		this.julLogger.removeHandler(this.handler);
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	@Test
	void aFlappingBackendLogsTwoLinesAWindowAndThenASummaryWithTheCurrentState() {
		for (int i = 0; i < 100; i++) {
			this.health.failed(new IllegalStateException("timeout"));
			this.health.succeeded();
			advance(Duration.ofMillis(10));
		}
		this.health.failed(new IllegalStateException("timeout"));
		assertThat(this.unavailable).as("the listener hears every change").hasValue(101);
		assertThat(this.logs).hasSize(2);
		assertThat(this.logs.get(0).getLevel()).isEqualTo(Level.WARNING);
		assertThat(this.logs.get(1).getLevel()).isEqualTo(Level.INFO);
		advance(Duration.ofSeconds(BackendHealth.LOG_WINDOW_SECONDS));
		this.health.failed(new IllegalStateException("timeout"));
		assertThat(this.logs).hasSize(3);
		LogRecord summary = this.logs.get(2);
		assertThat(summary.getLevel()).isEqualTo(Level.WARNING);
		assertThat(summary.getParameters()).contains(199, "unavailable, answering FAIL_OPEN");
		this.health.failed(new IllegalStateException("timeout"));
		assertThat(this.logs).as("nothing left to summarise").hasSize(3);
	}

	@Test
	void separateOutagesAreEachLogged() {
		this.health.failed(new IllegalStateException("down"));
		this.health.succeeded();
		advance(Duration.ofMinutes(5));
		this.health.failed(new IllegalStateException("down"));
		this.health.succeeded();
		assertThat(this.logs).hasSize(4);
		assertThat(this.logs).allSatisfy((record) -> assertThat(record.getMessage()).doesNotContain("not logged"));
	}
}
