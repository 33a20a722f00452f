package dev.palisade.security.autoconfigure.observation;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Keeps Spring Security's observations from dominating a request, per
 * {@code palisade.observations.spring-security}: a {@link SecurityObservationSettings} bean, so
 * Spring Security does not even wrap the filter chain, the authentication manager or the
 * authorization managers for what is left out (dropping the observations alone still left the
 * per-filter wrapping on every request), and an {@link ObservationPredicate} (applied by Boot to
 * its registry) for any other {@code spring.security.*} observation. Each backs off when the
 * application defines its own.
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SecurityObservationSettings.class)
	static class SecuritySettingsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SecurityObservationSettings palisadeSecurityObservationSettings(PalisadeObservationProperties properties) {
			return switch (properties.springSecurity()) {
				case ALL -> SecurityObservationSettings.withDefaults().shouldObserveRequests(true).build();
				case DECISIONS -> SecurityObservationSettings.withDefaults()
					.shouldObserveRequests(false)
					.shouldObserveAuthentications(true)
					.shouldObserveAuthorizations(true)
					.build();
				case NONE -> SecurityObservationSettings.noObservations();
			};
		}
	}
}
