package dev.palisade.security.autoconfigure.health;

import dev.palisade.security.apikey.ApiKeyStore;
import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.autoconfigure.apikey.PalisadeApiKeyAutoConfiguration;
import dev.palisade.security.autoconfigure.audit.PalisadeAuditAutoConfiguration;
import dev.palisade.security.autoconfigure.ratelimit.PalisadeRateLimitAutoConfiguration;
import dev.palisade.security.autoconfigure.ratelimit.PalisadeRateLimitProperties;
import dev.palisade.security.autoconfigure.refresh.PalisadeRefreshAutoConfiguration;
import dev.palisade.security.ratelimit.RateLimitBackend;
import dev.palisade.security.refresh.RefreshTokenStore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health indicators (with Boot's health support on the class path) for what a Palisade request
 * depends on: {@code palisadeAudit}, {@code palisadeRateLimit}, {@code palisadeRefreshTokens} and
 * {@code palisadeApiKeys}; all four are turned off with {@code management.health.palisade.enabled=false}.
 */
@AutoConfiguration(after = { PalisadeAuditAutoConfiguration.class, PalisadeRateLimitAutoConfiguration.class,
		PalisadeRefreshAutoConfiguration.class, PalisadeApiKeyAutoConfiguration.class })
@ConditionalOnClass(HealthIndicator.class)
public final class PalisadeHealthAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(AuditLog.class)
	@ConditionalOnEnabledHealthIndicator("palisade")
	static class AuditHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "palisadeAuditHealthIndicator")
		AuditLogHealthIndicator palisadeAuditHealthIndicator(AuditLog log) {
			return new AuditLogHealthIndicator(log);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ RateLimitBackend.class, PalisadeRateLimitProperties.class })
	@ConditionalOnEnabledHealthIndicator("palisade")
	static class RateLimitHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "palisadeRateLimitHealthIndicator")
		RateLimitBackendHealthIndicator palisadeRateLimitHealthIndicator(RateLimitBackend backend,
				PalisadeRateLimitProperties properties) {
			return new RateLimitBackendHealthIndicator(backend, properties.failureMode());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(RefreshTokenStore.class)
	@ConditionalOnEnabledHealthIndicator("palisade")
	static class RefreshHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "palisadeRefreshTokensHealthIndicator")
		StoreProbeHealthIndicator palisadeRefreshTokensHealthIndicator(RefreshTokenStore store) {
			return new StoreProbeHealthIndicator(store.getClass().getSimpleName(),
					() -> store.findFamily("palisade-health-probe"));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(ApiKeyStore.class)
	@ConditionalOnEnabledHealthIndicator("palisade")
	static class ApiKeyHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "palisadeApiKeysHealthIndicator")
		StoreProbeHealthIndicator palisadeApiKeysHealthIndicator(ApiKeyStore store) {
			return new StoreProbeHealthIndicator(store.getClass().getSimpleName(),
					() -> store.findById("palisade-health-probe"));
		}
	}
}
