package dev.palisade.security.autoconfigure.token;

import dev.palisade.security.token.AccessTokenVerifier;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code palisade.token.verifications} counter, when Micrometer and a {@link MeterRegistry}
 * bean are present.
 */
@AutoConfiguration(after = PalisadeTokenAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, AccessTokenVerifier.class })
public final class PalisadeTokenMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AccessTokenMetrics palisadeAccessTokenMetrics(MeterRegistry registry) {
		return new AccessTokenMetrics(registry);
	}
}
