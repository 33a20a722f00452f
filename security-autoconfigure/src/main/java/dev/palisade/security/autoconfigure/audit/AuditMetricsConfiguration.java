package dev.palisade.security.autoconfigure.audit;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Audit metrics when Micrometer is present; the registry is looked up when the first record is counted. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistry.class)
class AuditMetricsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AuditMetricsListener palisadeAuditMetricsListener(ObjectProvider<MeterRegistry> registries) {
		return new AuditMetricsListener(registries);
	}
}
