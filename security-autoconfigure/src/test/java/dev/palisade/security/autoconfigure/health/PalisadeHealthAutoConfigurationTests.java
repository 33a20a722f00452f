package dev.palisade.security.autoconfigure.health;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.autoconfigure.apikey.PalisadeApiKeyAutoConfiguration;
import dev.palisade.security.autoconfigure.audit.PalisadeAuditAutoConfiguration;
import dev.palisade.security.autoconfigure.ratelimit.PalisadeRateLimitAutoConfiguration;
import dev.palisade.security.autoconfigure.refresh.PalisadeRefreshAutoConfiguration;
import dev.palisade.security.autoconfigure.token.PalisadeTokenAutoConfiguration;
import dev.palisade.security.refresh.RefreshFamily;
import dev.palisade.security.refresh.RefreshTokenKey;
import dev.palisade.security.refresh.RefreshTokenStore;
import dev.palisade.security.refresh.StoreRotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class PalisadeHealthAutoConfigurationTests {

	@TempDir
	Path dir;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PalisadeTokenAutoConfiguration.class,
					PalisadeAuditAutoConfiguration.class, PalisadeRateLimitAutoConfiguration.class,
					PalisadeRefreshAutoConfiguration.class, PalisadeApiKeyAutoConfiguration.class,
					PalisadeHealthAutoConfiguration.class))
			.withPropertyValues("palisade.audit.path=" + this.dir.resolve("audit"));
	}

	@Test
	void everyBackendIsUpOnTheDefaults() {
		runner().run((context) -> {
			for (String name : List.of("palisadeAuditHealthIndicator", "palisadeRateLimitHealthIndicator",
					"palisadeRefreshTokensHealthIndicator", "palisadeApiKeysHealthIndicator")) {
				Health health = context.getBean(name, HealthIndicator.class).health(true);
				assertThat(health.getStatus()).as(name).isEqualTo(Status.UP);
			}
			assertThat(context.getBean("palisadeAuditHealthIndicator", HealthIndicator.class).health(true).getDetails())
				.containsKeys("durableSequence", "queued", "dropped", "refused");
		});
	}

	@Test
	void anAuditLogWhoseSinkFailedIsDown() {
		runner().withUserConfiguration(FailingSink.class).run((context) -> {
			AuditLog log = context.getBean(AuditLog.class);
			HealthIndicator indicator = context.getBean("palisadeAuditHealthIndicator", HealthIndicator.class);
			assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
			// in sync mode the write error reaches the caller
			org.assertj.core.api.Assertions.assertThatExceptionOfType(dev.palisade.security.audit.AuditWriteException.class)
				.isThrownBy(() -> log.append(dev.palisade.security.audit.AuditEvent.builder()
				.actor(new dev.palisade.security.audit.AuditActor("user", "alice", "acme"))
				.action("auth.sign_in")
				.result(dev.palisade.security.audit.AuditResult.SUCCESS)
				.build()));
			assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingSink {

		@Bean
		dev.palisade.security.audit.AuditSink auditSink() {
			return new dev.palisade.security.audit.AuditSink() {

				@Override
				public dev.palisade.security.audit.ChainHead open() {
					return dev.palisade.security.audit.ChainHead.genesis();
				}

				@Override
				public void append(List<dev.palisade.security.audit.AuditRecord> records) throws java.io.IOException {
					throw new java.io.IOException("disk full");
				}

				@Override
				public void force() {
				}

				@Override
				public void appendCheckpoint(dev.palisade.security.audit.AuditCheckpoint checkpoint) {
				}

				@Override
				public void close() {
				}
			};
		}
	}

	@Test
	void anUnreachableRedisRateLimitBackendIsDownWithItsFailureMode() {
		runner().withPropertyValues("palisade.rate-limit.backend=redis", "palisade.rate-limit.redis.uri=redis://127.0.0.1:1")
			.run((context) -> {
				Health health = context.getBean("palisadeRateLimitHealthIndicator", HealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("failureMode", dev.palisade.security.ratelimit.FailureMode.FAIL_OPEN);
			});
	}

	@Test
	void aStoreThatThrowsIsDownWithTheErrorTypeButNotItsMessage() {
		runner().withUserConfiguration(BrokenRefreshStore.class).run((context) -> {
			Health health = context.getBean("palisadeRefreshTokensHealthIndicator", HealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("error", IllegalStateException.class.getName());
			assertThat(health.toString()).doesNotContain("jdbc:postgresql://secret-host");
		});
	}

	@Test
	void theIndicatorsCanBeTurnedOff() {
		runner().withPropertyValues("management.health.palisade.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuditLogHealthIndicator.class)
				.doesNotHaveBean(StoreProbeHealthIndicator.class)
				.doesNotHaveBean(RateLimitBackendHealthIndicator.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenRefreshStore {

		@Bean
		RefreshTokenStore refreshTokenStore() {
			return new RefreshTokenStore() {

				private IllegalStateException down() {
					return new IllegalStateException("cannot reach jdbc:postgresql://secret-host");
				}

				@Override
				public void createFamily(RefreshFamily family, RefreshTokenKey token) {
					throw down();
				}

				@Override
				public StoreRotation rotate(RefreshTokenKey presented, RefreshTokenKey next, Instant now,
						Duration idleTimeout) {
					throw down();
				}

				@Override
				public Optional<RefreshFamily> findFamily(String familyId) {
					throw down();
				}

				@Override
				public Optional<RefreshFamily> findFamilyByToken(RefreshTokenKey token) {
					throw down();
				}

				@Override
				public Optional<RefreshFamily> revokeFamily(String familyId, Instant now) {
					throw down();
				}

				@Override
				public List<RefreshFamily> revokeAllForSubject(String subject, Instant now) {
					throw down();
				}

				@Override
				public int sweepExpired(Instant now, int batchSize) {
					throw down();
				}
			};
		}
	}
}
