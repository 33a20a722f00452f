package dev.palisade.security.autoconfigure.refresh;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import dev.palisade.security.autoconfigure.token.AccessTokenRevocations;
import dev.palisade.security.autoconfigure.token.PalisadeTokenAutoConfiguration;
import dev.palisade.security.principal.PrincipalKind;
import dev.palisade.security.refresh.AccessTokenDenyList;
import dev.palisade.security.refresh.InMemoryRefreshTokenStore;
import dev.palisade.security.refresh.IssuedRefreshToken;
import dev.palisade.security.refresh.RefreshFamily;
import dev.palisade.security.refresh.RefreshGrant;
import dev.palisade.security.refresh.RefreshTokenListener;
import dev.palisade.security.refresh.RefreshTokenService;
import dev.palisade.security.refresh.RefreshTokenStore;
import dev.palisade.security.refresh.RefreshTokenStoreException;
import dev.palisade.security.refresh.RotationFailure;
import dev.palisade.security.refresh.RotationResult;
import dev.palisade.security.refresh.jdbc.JdbcRefreshTokenStore;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenRequest;
import dev.palisade.security.token.AccessTokenVerifier;
import dev.palisade.security.token.InvalidTokenException;
import dev.palisade.security.token.IssuedAccessToken;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PalisadeRefreshAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PalisadeTokenAutoConfiguration.class, PalisadeRefreshAutoConfiguration.class));

	@Test
	void defaultsUseTheMemoryStoreAndWireEveryPiece() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RefreshTokenService.class)
				.hasSingleBean(AccessTokenDenyList.class)
				.hasSingleBean(AccessTokenRevocations.class)
				.hasSingleBean(RefreshTokenSweeper.class)
				.doesNotHaveBean(RefreshTokenMetrics.class)
				.doesNotHaveBean(RefreshRedisConnection.class);
			assertThat(context.getBean(RefreshTokenStore.class)).isInstanceOf(InMemoryRefreshTokenStore.class);
			assertThat(context.getBean(RefreshTokenSweeper.class).isRunning()).isTrue();
			RefreshTokenService service = context.getBean(RefreshTokenService.class);
			IssuedRefreshToken issued = service.issue(RefreshGrant.of("alice"));
			assertThat(issued.token()).startsWith("palrt_");
			assertThat(service.rotate(issued.token()).isRotated()).isTrue();
		});
	}

	@Test
	void lifetimesAndPrefixComeFromProperties() {
		TestClock clock = new TestClock();
		this.contextRunner.withBean(TestClock.class, () -> clock)
			.withPropertyValues("palisade.refresh.prefix=acmert", "palisade.refresh.idle-timeout=1h",
					"palisade.refresh.absolute-lifetime=2h")
			.run((context) -> {
				IssuedRefreshToken issued = context.getBean(RefreshTokenService.class).issue(RefreshGrant.of("alice"));
				assertThat(issued.token()).startsWith("acmert_");
				assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
				assertThat(issued.absoluteExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
			});
	}

	@Test
	void invalidPrefixFailsStartUp() {
		this.contextRunner.withPropertyValues("palisade.refresh.prefix=Bad Prefix")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void jdbcStoreOnTheApplicationsDataSourceWithTheOptInInitializer() {
		DataSource dataSource = h2();
		this.contextRunner.withBean(DataSource.class, () -> dataSource)
			.withPropertyValues("palisade.refresh.store=jdbc", "palisade.refresh.jdbc.initialize-schema=true")
			.run((context) -> {
				assertThat(context.getBean(RefreshTokenStore.class)).isInstanceOf(JdbcRefreshTokenStore.class);
				assertThat(tableExists(dataSource)).isTrue();
				RefreshTokenService service = context.getBean(RefreshTokenService.class);
				IssuedRefreshToken issued = service.issue(RefreshGrant.of("alice"));
				assertThat(service.rotate(issued.token()).isRotated()).isTrue();
				assertThat(service.rotate(issued.token()))
					.isEqualTo(new RotationResult.Rejected(RotationFailure.REUSED));
			});
	}

	@Test
	void jdbcStoreLeavesTheSchemaAloneUnlessAskedTo() {
		DataSource dataSource = h2();
		this.contextRunner.withBean(DataSource.class, () -> dataSource)
			.withPropertyValues("palisade.refresh.store=jdbc")
			.run((context) -> {
				assertThat(context.getBean(RefreshTokenStore.class)).isInstanceOf(JdbcRefreshTokenStore.class);
				assertThat(tableExists(dataSource)).isFalse();
				assertThatExceptionOfType(RefreshTokenStoreException.class)
					.isThrownBy(() -> context.getBean(RefreshTokenService.class).issue(RefreshGrant.of("alice")));
			});
	}

	@Test
	void jdbcStoreWithoutADataSourceFailsStartUpWithTheFix() {
		this.contextRunner.withPropertyValues("palisade.refresh.store=jdbc").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(rootCause(context.getStartupFailure())).hasMessageContaining("palisade.refresh.store: is jdbc")
				.hasMessageContaining("DataSource");
		});
	}

	@Test
	void everyBeanBacksOffForTheApplicationsOwn() {
		this.contextRunner.withUserConfiguration(OwnBeans.class)
			.withPropertyValues("palisade.refresh.store=redis", "palisade.refresh.redis.uri=redis://127.0.0.1:1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(RefreshTokenStore.class)).isSameAs(context.getBean("ownStore"));
				assertThat(context.getBean(RefreshTokenService.class)).isSameAs(context.getBean("ownService"));
				assertThat(context.getBean(AccessTokenDenyList.class)).isSameAs(context.getBean("ownDenyList"));
				assertThat(context.getBean(AccessTokenRevocations.class)).isSameAs(context.getBean("ownRevocations"));
				assertThat(context.getBean(RefreshTokenSweeper.class)).isSameAs(context.getBean("ownSweeper"));
				assertThat(context.getBean(RefreshTokenMetrics.class)).isSameAs(context.getBean("ownMetrics"));
				assertThat(context).doesNotHaveBean(RefreshRedisConnection.class);
			});
	}

	@Test
	void sweeperCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("palisade.refresh.sweep.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(RefreshTokenService.class)
				.doesNotHaveBean(RefreshTokenSweeper.class));
	}

	@Test
	void disabledRefreshContributesNothing() {
		this.contextRunner.withPropertyValues("palisade.refresh.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RefreshTokenService.class)
				.doesNotHaveBean(RefreshTokenStore.class)
				.doesNotHaveBean(AccessTokenDenyList.class)
				.doesNotHaveBean(AccessTokenRevocations.class)
				.hasSingleBean(AccessTokenVerifier.class));
	}

	@Test
	void deniedAccessTokenIsRefusedBeforeItsExpiryEvenWhenCached() {
		this.contextRunner.run((context) -> {
			IssuedAccessToken token = context.getBean(AccessTokenIssuer.class)
				.issue(new AccessTokenRequest("alice", PrincipalKind.USER, null, null, Set.of(), Set.of(), null));
			AccessTokenVerifier verifier = context.getBean(AccessTokenVerifier.class);
			assertThat(verifier.verify(token.value()).jti()).isEqualTo(token.jti());
			assertThat(verifier.verify(token.value()).jti()).isEqualTo(token.jti()); // now cached
			context.getBean(AccessTokenDenyList.class).deny(token.jti(), token.expiresAt());
			assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> verifier.verify(token.value()));
		});
	}

	@Test
	void otherAccessTokensStayValidWhenOneIsDenied() {
		this.contextRunner.run((context) -> {
			AccessTokenIssuer issuer = context.getBean(AccessTokenIssuer.class);
			AccessTokenRequest request = new AccessTokenRequest("alice", PrincipalKind.USER, null, null, Set.of(),
					Set.of(), null);
			IssuedAccessToken denied = issuer.issue(request);
			IssuedAccessToken other = issuer.issue(request);
			context.getBean(AccessTokenDenyList.class).deny(denied.jti(), denied.expiresAt());
			assertThat(context.getBean(AccessTokenVerifier.class).verify(other.value()).jti()).isEqualTo(other.jti());
		});
	}

	@Test
	void sweeperDeletesExpiredFamilies() {
		TestClock clock = new TestClock();
		this.contextRunner.withBean(TestClock.class, () -> clock)
			.withPropertyValues("palisade.refresh.idle-timeout=1h", "palisade.refresh.sweep.batch-size=2")
			.run((context) -> {
				RefreshTokenService service = context.getBean(RefreshTokenService.class);
				List<String> families = new ArrayList<>();
				for (int i = 0; i < 5; i++) {
					families.add(service.issue(RefreshGrant.of("alice")).familyId());
				}
				clock.advance(Duration.ofMinutes(61));
				String fresh = service.issue(RefreshGrant.of("bob")).familyId();
				assertThat(context.getBean(RefreshTokenSweeper.class).sweepOnce()).isEqualTo(5);
				assertThat(families).allSatisfy((id) -> assertThat(service.findFamily(id)).isEmpty());
				assertThat(service.findFamily(fresh)).isPresent();
			});
	}

	@Test
	void sweeperStopsWithTheContext() {
		RefreshTokenSweeper[] sweeper = new RefreshTokenSweeper[1];
		this.contextRunner.run((context) -> sweeper[0] = context.getBean(RefreshTokenSweeper.class));
		assertThat(sweeper[0].isRunning()).isFalse();
	}

	@Test
	void metricsCountRotationsByOutcomeAndReuse() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context).hasSingleBean(RefreshTokenMetrics.class);
			RefreshTokenService service = context.getBean(RefreshTokenService.class);
			IssuedRefreshToken first = service.issue(RefreshGrant.of("alice"));
			service.rotate(first.token());
			service.rotate(first.token()); // reuse
			service.rotate("garbage");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(RefreshTokenMetrics.REUSE).counter().count()).isEqualTo(1);
			assertThat(rotations(registry, "rotated")).isEqualTo(1);
			assertThat(rotations(registry, "reused")).isEqualTo(1);
			assertThat(rotations(registry, "malformed")).isEqualTo(1);
			assertThat(rotations(registry, "unknown")).isZero();
			assertThat(registry.get(RefreshTokenMetrics.ISSUED).counter().count()).isEqualTo(1);
			assertThat(registry.get(RefreshTokenMetrics.ROTATIONS).counters()).hasSize(RotationFailure.values().length + 1);
		});
	}

	@Test
	void everyListenerBeanIsToldInOrderAndAFailingOneDoesNotStopTheOthers() {
		this.contextRunner.withUserConfiguration(Listeners.class)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				RefreshTokenService service = context.getBean(RefreshTokenService.class);
				IssuedRefreshToken first = service.issue(RefreshGrant.of("alice"));
				service.rotate(first.token());
				service.rotate(first.token());
				service.issue(RefreshGrant.of("alice"));
				assertThat(service.revokeAllForSubject("alice")).isEqualTo(1); // the reused family is already dead
				List<String> events = context.getBean(Listeners.class).events;
				assertThat(events).containsExactly("issued", "rotated", "reuse", "rejected:REUSED", "issued",
						"revoked:REVOKED");
				assertThat(context.getBean(MeterRegistry.class).get(RefreshTokenMetrics.REUSE).counter().count())
					.isEqualTo(1);
			});
	}

	private static double rotations(MeterRegistry registry, String outcome) {
		return registry.get(RefreshTokenMetrics.ROTATIONS).tag("outcome", outcome).counter().count();
	}

	private static DataSource h2() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:refresh-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return dataSource;
	}

	private static boolean tableExists(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				ResultSet tables = connection.getMetaData().getTables(null, null, "PALISADE_REFRESH_FAMILY", null)) {
			return tables.next();
		}
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		@Bean
		RefreshTokenStore ownStore() {
			return new InMemoryRefreshTokenStore();
		}

		@Bean
		RefreshTokenService ownService(RefreshTokenStore ownStore) {
			return new RefreshTokenService(ownStore);
		}

		@Bean
		AccessTokenDenyList ownDenyList() {
			return new dev.palisade.security.refresh.LocalAccessTokenDenyList();
		}

		@Bean
		AccessTokenRevocations ownRevocations() {
			return AccessTokenRevocations.NONE;
		}

		@Bean
		RefreshTokenSweeper ownSweeper(RefreshTokenService ownService) {
			return new RefreshTokenSweeper(ownService, Duration.ofHours(1), 10);
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		RefreshTokenMetrics ownMetrics() {
			return new RefreshTokenMetrics(new SimpleMeterRegistry());
		}
	}

	/** Two listeners: one that always fails first, one that records events. */
	@Configuration(proxyBeanMethods = false)
	static class Listeners {

		final List<String> events = new ArrayList<>();

		@Bean
		@Order(1)
		RefreshTokenListener failing() {
			return new RefreshTokenListener() {
				@Override
				public void onIssued(RefreshFamily family) {
					throw new IllegalStateException("boom");
				}

				@Override
				public void onReuseDetected(RefreshFamily family) {
					throw new IllegalStateException("boom");
				}
			};
		}

		@Bean
		@Order(2)
		RefreshTokenListener recording() {
			return new RefreshTokenListener() {
				@Override
				public void onIssued(RefreshFamily family) {
					Listeners.this.events.add("issued");
				}

				@Override
				public void onRotated(RefreshFamily family) {
					Listeners.this.events.add("rotated");
				}

				@Override
				public void onReuseDetected(RefreshFamily family) {
					Listeners.this.events.add("reuse");
				}

				@Override
				public void onRejected(RotationFailure reason, RefreshFamily family) {
					Listeners.this.events.add("rejected:" + reason);
				}

				@Override
				public void onRevoked(RefreshFamily family) {
					Listeners.this.events.add("revoked:" + family.state());
				}
			};
		}
	}
}
