package dev.palisade.security.autoconfigure.apikey;

import dev.palisade.security.apikey.ApiKeyVerifier;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code palisade.apikey.authentications} counter, when Micrometer and a {@link MeterRegistry}
 * bean are present.
 */
@AutoConfiguration(after = PalisadeApiKeyAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, ApiKeyVerifier.class })
public final class PalisadeApiKeyMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ApiKeyMetrics palisadeApiKeyMetrics(MeterRegistry registry) {
		return new ApiKeyMetrics(registry);
	}
}
