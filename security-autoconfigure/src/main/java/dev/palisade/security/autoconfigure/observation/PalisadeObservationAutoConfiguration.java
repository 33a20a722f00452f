package dev.palisade.security.autoconfigure.observation;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Keeps Spring Security's observations from dominating a request: an {@link ObservationPredicate}
 * (applied by Boot's observation auto-configuration to its registry) that drops the ones
 * {@code palisade.observations.spring-security} leaves out. Backs off when the application defines
 * a bean of the same name.
 */
@AutoConfiguration
@ConditionalOnClass(ObservationPredicate.class)
@EnableConfigurationProperties(PalisadeObservationProperties.class)
public final class PalisadeObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "palisadeSpringSecurityObservationPredicate")
	ObservationPredicate palisadeSpringSecurityObservationPredicate(PalisadeObservationProperties properties) {
		return new SpringSecurityObservationPredicate(properties.springSecurity());
	}
}
