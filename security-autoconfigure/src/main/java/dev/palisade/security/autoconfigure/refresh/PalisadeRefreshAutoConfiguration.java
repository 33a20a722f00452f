package dev.palisade.security.autoconfigure.refresh;

import java.time.Clock;

import javax.sql.DataSource;

import dev.palisade.security.autoconfigure.token.AccessTokenRevocations;
import dev.palisade.security.refresh.AccessTokenDenyList;
import dev.palisade.security.refresh.InMemoryRefreshTokenStore;
import dev.palisade.security.refresh.LocalAccessTokenDenyList;
import dev.palisade.security.refresh.RefreshTokenListener;
import dev.palisade.security.refresh.RefreshTokenService;
import dev.palisade.security.refresh.RefreshTokenStore;
import dev.palisade.security.refresh.jdbc.JdbcDialect;
import dev.palisade.security.refresh.jdbc.JdbcRefreshTokenStore;
import dev.palisade.security.refresh.jdbc.JdbcSchemaInitializer;
import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
import dev.palisade.security.autoconfigure.jdbc.SchemaMigrations;
import dev.palisade.security.refresh.redis.RedisRefreshTokenStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.ClassUtils;

/**
 * Refresh-token families and revocation: the store chosen by {@code palisade.refresh.store}
 * (memory, JDBC on the application's {@code DataSource}, or Redis), the
 * {@link RefreshTokenService} told about events by every {@link RefreshTokenListener} bean, the
 * {@link AccessTokenDenyList} that the access-token verifier consults through
 * {@link AccessTokenRevocations} on every verification, the background sweeper, and Micrometer
 * counters when a {@link MeterRegistry} exists. Every bean backs off when the application defines
 * its own.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "palisade.refresh.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PalisadeRefreshProperties.class)
@Import({ PalisadeRefreshAutoConfiguration.MemoryStoreConfiguration.class,
		PalisadeRefreshAutoConfiguration.JdbcStoreConfiguration.class,
		PalisadeRefreshAutoConfiguration.RedisStoreConfiguration.class,
		PalisadeRefreshAutoConfiguration.RedisStoreWithoutLettuceConfiguration.class,
		PalisadeRefreshAutoConfiguration.MetricsConfiguration.class })
public final class PalisadeRefreshAutoConfiguration {

	private static final Log logger = LogFactory.getLog(PalisadeRefreshAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	RefreshTokenService palisadeRefreshTokenService(RefreshTokenStore store, PalisadeRefreshProperties properties,
			ObjectProvider<Clock> clock, ObjectProvider<RefreshTokenListener> listeners) {
		return new RefreshTokenService(store, properties.policy(), clock.getIfAvailable(Clock::systemUTC),
				CompositeRefreshTokenListener.of(listeners.orderedStream().toList()));
	}

	@Bean
	@ConditionalOnMissingBean
	AccessTokenDenyList palisadeAccessTokenDenyList(PalisadeRefreshProperties properties, ObjectProvider<Clock> clock,
			ListableBeanFactory beans) {
		Clock time = clock.getIfAvailable(Clock::systemUTC);
		if (properties.effectiveDenyList() == PalisadeRefreshProperties.DenyListType.REDIS) {
			if (!ClassUtils.isPresent("io.lettuce.core.RedisClient", getClass().getClassLoader())) {
				throw new IllegalStateException("palisade.refresh.deny-list=redis needs Lettuce on the class path"
						+ " (add io.lettuce:lettuce-core)");
			}
			return RedisDenyLists.connect(properties, time, beans);
		}
		return new LocalAccessTokenDenyList(time, properties.denyListMaximumSize());
	}

	@Bean
	@ConditionalOnMissingBean
	AccessTokenRevocations palisadeAccessTokenRevocations(AccessTokenDenyList denyList) {
		return denyList::isDenied;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "palisade.refresh.sweep.enabled", matchIfMissing = true)
	RefreshTokenSweeper palisadeRefreshTokenSweeper(RefreshTokenService service, PalisadeRefreshProperties properties) {
		return new RefreshTokenSweeper(service, properties.sweep().interval(), properties.sweep().batchSize());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "palisade.refresh.store", havingValue = "memory", matchIfMissing = true)
	static class MemoryStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RefreshTokenStore palisadeRefreshTokenStore() {
			return new InMemoryRefreshTokenStore();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "palisade.refresh.store", havingValue = "jdbc")
	static class JdbcStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RefreshTokenStore palisadeRefreshTokenStore(ObjectProvider<DataSource> dataSources,
				PalisadeRefreshProperties properties, ObjectProvider<SchemaMigrations> migrations) {
			DataSource dataSource = dataSources.getIfUnique();
			if (dataSource == null) {
				throw new InvalidPalisadePropertyException("palisade.refresh.store",
						"is jdbc, but the application has no single DataSource",
						"Configure spring.datasource.* (with a JDBC driver on the class path), define your own"
								+ " RefreshTokenStore bean, or set palisade.refresh.store to memory or redis.",
						null);
			}
			JdbcDialect dialect = JdbcDialect.detect(dataSource);
			if (properties.jdbc().initializeSchema()) {
				JdbcSchemaInitializer.initialize(dataSource, dialect);
			}
			migrations.ifAvailable((schema) -> schema.migrate(dataSource, "refresh"));
			return new JdbcRefreshTokenStore(dataSource, dialect);
		}
	}

	/** {@code store: redis} without Lettuce: say so, instead of "define a bean of type RefreshTokenStore". */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "palisade.refresh.store", havingValue = "redis")
	@ConditionalOnMissingClass("io.lettuce.core.RedisClient")
	static class RedisStoreWithoutLettuceConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RefreshTokenStore palisadeRefreshTokenStore() {
			throw new InvalidPalisadePropertyException("palisade.refresh.store",
					"is redis, but Lettuce (io.lettuce:lettuce-core) is not on the class path",
					"Add spring-boot-starter-data-redis (or io.lettuce:lettuce-core) to the application's dependencies,"
							+ " or set palisade.refresh.store to memory or jdbc.",
					null);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "palisade.refresh.store", havingValue = "redis")
	@ConditionalOnClass(name = "io.lettuce.core.RedisClient")
	@ConditionalOnMissingBean(RefreshTokenStore.class) // no connection is opened for an application's own store
	static class RedisStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RefreshRedisConnection palisadeRefreshRedisConnection(PalisadeRefreshProperties properties,
				ListableBeanFactory beans) {
			return new RefreshRedisConnection(RefreshRedisConnection.server(properties, beans));
		}

		@Bean
		@ConditionalOnMissingBean
		RefreshTokenStore palisadeRefreshTokenStore(RefreshRedisConnection connection,
				PalisadeRefreshProperties properties) {
			return new RedisRefreshTokenStore(connection.connection(), properties.redis().keyPrefix());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RefreshTokenMetrics palisadeRefreshTokenMetrics(MeterRegistry registry) {
			return new RefreshTokenMetrics(registry);
		}
	}
}
