package dev.palisade.security.autoconfigure.apikey;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.palisade.security.apikey.ApiKeyFormat;
import dev.palisade.security.apikey.ApiKeyHasher;
import dev.palisade.security.apikey.ApiKeyListener;
import dev.palisade.security.apikey.ApiKeyService;
import dev.palisade.security.apikey.ApiKeySummary;
import dev.palisade.security.apikey.ApiKeyStore;
import dev.palisade.security.apikey.ApiKeyVerifier;
import dev.palisade.security.apikey.InMemoryApiKeyStore;
import dev.palisade.security.apikey.LastUsedRecorder;
import dev.palisade.security.apikey.jdbc.JdbcApiKeyStore;
import dev.palisade.security.autoconfigure.apikey.PalisadeApiKeyProperties.StoreType;
import dev.palisade.security.autoconfigure.jdbc.SchemaMigrations;
import dev.palisade.security.autoconfigure.token.PalisadeTokenAutoConfiguration;
import dev.palisade.security.autoconfigure.web.PalisadeWebSecurityAutoConfiguration;
import dev.palisade.security.web.ApiKeyAuthenticationConverter;
import dev.palisade.security.web.ApiKeyAuthenticationProvider;
import dev.palisade.security.web.ApiKeyOutcomeListener;
import dev.palisade.security.web.BearerCredentialRouting;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Palisade's API keys: format, peppered hasher, store (memory, jdbc or static), last-use
 * recorder, verifier, management service, and on the servlet stack the Spring Security provider,
 * the header converter and the bearer routing that sends {@code Bearer <prefix>_...} to API keys.
 * Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = PalisadeTokenAutoConfiguration.class, before = PalisadeWebSecurityAutoConfiguration.class,
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBooleanProperty(name = "palisade.api-keys.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PalisadeApiKeyProperties.class)
public final class PalisadeApiKeyAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ApiKeyFormat palisadeApiKeyFormat(PalisadeApiKeyProperties properties) {
		try {
			return new ApiKeyFormat(properties.prefix());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidApiKeyConfigurationException("palisade.api-keys.prefix", ex.getMessage(),
					"Set palisade.api-keys.prefix to 2 to 16 lower-case letters or digits starting with a letter,"
							+ " such as pal.");
		}
	}

	@Bean
	@ConditionalOnMissingBean
	ApiKeyHasher palisadeApiKeyHasher(PalisadeApiKeyProperties properties) {
		return ApiKeyPeppers.hasher(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiKeyStore palisadeApiKeyStore(PalisadeApiKeyProperties properties, ObjectProvider<DataSource> dataSource,
			ObjectProvider<SchemaMigrations> migrations) {
		if (properties.store() != StoreType.STATIC && !properties.staticKeys().isEmpty()) {
			throw new InvalidApiKeyConfigurationException("palisade.api-keys.store",
					"keys are declared in palisade.api-keys.static-keys but the store is " + properties.store(),
					"Set palisade.api-keys.store=static to use the declared keys, or remove them.");
		}
		return switch (properties.store()) {
			case MEMORY -> new InMemoryApiKeyStore();
			case STATIC -> StaticApiKeys.store(properties);
			case JDBC -> jdbcStore(properties, dataSource.getIfAvailable(), migrations.getIfAvailable());
		};
	}

	private static ApiKeyStore jdbcStore(PalisadeApiKeyProperties properties, DataSource dataSource,
			SchemaMigrations migrations) {
		if (dataSource == null) {
			throw new InvalidApiKeyConfigurationException("palisade.api-keys.store",
					"the jdbc store needs a DataSource and the application has none",
					"Configure a DataSource (spring.datasource.url, with spring-boot-starter-jdbc and a driver such as"
							+ " org.postgresql:postgresql or com.h2database:h2), or set palisade.api-keys.store=memory.");
		}
		if (properties.jdbc().initializeSchema()) {
			ApiKeySchemaInitializer.initialize(dataSource);
		}
		if (migrations != null) {
			migrations.migrate(dataSource, "apikey");
		}
		return new JdbcApiKeyStore(dataSource);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	LastUsedRecorder palisadeApiKeyLastUsedRecorder(ApiKeyStore store, PalisadeApiKeyProperties properties) {
		return LastUsedRecorder.start(store, positive(properties.lastUsedFlushInterval(),
				"palisade.api-keys.last-used-flush-interval"));
	}

	@Bean
	@ConditionalOnMissingBean
	ApiKeyVerifier palisadeApiKeyVerifier(ApiKeyFormat format, ApiKeyHasher hasher, ApiKeyStore store,
			ObjectProvider<LastUsedRecorder> lastUsed, ObjectProvider<Clock> clock, PalisadeApiKeyProperties properties) {
		if (properties.cacheTtl().isNegative()) {
			throw new InvalidApiKeyConfigurationException("palisade.api-keys.cache-ttl", "the cache TTL is negative",
					"Set palisade.api-keys.cache-ttl to 0 (no cache) or a positive duration such as 30s.");
		}
		if (properties.cacheMaximumSize() < 1) {
			throw new InvalidApiKeyConfigurationException("palisade.api-keys.cache-maximum-size",
					"the cache size is not positive", "Set palisade.api-keys.cache-maximum-size to 1 or more.");
		}
		ApiKeyVerifier.Builder builder = ApiKeyVerifier.builder(format, hasher, store)
			.clock(clock.getIfAvailable(Clock::systemUTC))
			.cacheTtl(properties.cacheTtl())
			.cacheMaximumSize(properties.cacheMaximumSize());
		lastUsed.ifAvailable(builder::lastUsedRecorder);
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	ApiKeyService palisadeApiKeyService(ApiKeyFormat format, ApiKeyHasher hasher, ApiKeyStore store,
			ApiKeyVerifier verifier, ObjectProvider<Clock> clock, PalisadeApiKeyProperties properties,
			ObjectProvider<ApiKeyListener> listeners) {
		List<ApiKeyListener> all = listeners.orderedStream().toList();
		ApiKeyService.Builder builder = ApiKeyService.builder(format, hasher, store)
			.clock(clock.getIfAvailable(Clock::systemUTC))
			.verifier(verifier)
			.listener(new ApiKeyListener() {
				@Override
				public void onCreated(ApiKeySummary key) {
					all.forEach((listener) -> listener.onCreated(key));
				}

				@Override
				public void onRotated(ApiKeySummary replacement) {
					all.forEach((listener) -> listener.onRotated(replacement));
				}

				@Override
				public void onRevoked(ApiKeySummary key) {
					all.forEach((listener) -> listener.onRevoked(key));
				}
			})
			.defaultGracePeriod(positiveOrZero(properties.rotationGracePeriod(),
					"palisade.api-keys.rotation-grace-period"));
		if (properties.defaultTtl() != null) {
			builder.defaultTtl(positive(properties.defaultTtl(), "palisade.api-keys.default-ttl"));
		}
		return builder.build();
	}

	private static Duration positive(Duration value, String property) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidApiKeyConfigurationException(property, "the duration is not positive",
					"Set " + property + " to a positive duration such as 60s.");
		}
		return value;
	}

	private static Duration positiveOrZero(Duration value, String property) {
		if (value == null || value.isNegative()) {
			throw new InvalidApiKeyConfigurationException(property, "the duration is negative",
					"Set " + property + " to zero or a positive duration such as 24h.");
		}
		return value;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(BearerTokenAuthenticationToken.class)
	static class AuthenticationProviderConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@Order(10)
		ApiKeyAuthenticationProvider palisadeApiKeyAuthenticationProvider(ApiKeyVerifier verifier, ApiKeyFormat format,
				PalisadeApiKeyProperties properties, ObjectProvider<ApiKeyOutcomeListener> listeners) {
			return new ApiKeyAuthenticationProvider(verifier, format, properties.maxHeaderLength(),
					properties.acceptBearer(), listeners.orderedStream().toList());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(BearerTokenAuthenticationToken.class)
	static class WebConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ApiKeyAuthenticationConverter palisadeApiKeyAuthenticationConverter(PalisadeApiKeyProperties properties) {
			return new ApiKeyAuthenticationConverter(properties.headerName(), properties.queryParameter());
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "palisade.api-keys.accept-bearer", matchIfMissing = true)
		BearerCredentialRouting palisadeApiKeyBearerRouting(ApiKeyFormat format) {
			return new BearerCredentialRouting(List.of(format.prefix() + "_"));
		}
	}
}
