package dev.palisade.security.autoconfigure.audit;

import dev.palisade.security.audit.AuditSink;
import dev.palisade.security.audit.verify.AuditVerifier;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.security.AbstractAuthenticationAuditListener;
import org.springframework.boot.actuate.security.AbstractAuthorizationAuditListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Actuator: every Palisade audit record reaches Spring Boot's {@code AuditEventRepository};
 * Boot's own security audit listeners step aside (they would duplicate records and log a refused
 * bearer credential as the principal); the {@code palisadeaudit} endpoint verifies the log.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ AuditApplicationEvent.class, ConditionalOnAvailableEndpoint.class })
class ActuatorAuditConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ActuatorAuditForwarder palisadeActuatorAuditForwarder(ApplicationEventPublisher publisher) {
		return new ActuatorAuditForwarder(publisher);
	}

	@Bean
	@ConditionalOnMissingBean(AbstractAuthenticationAuditListener.class)
	ForwardedAuthenticationAuditListener palisadeAuthenticationAuditListener() {
		return new ForwardedAuthenticationAuditListener();
	}

	@Bean
	@ConditionalOnMissingBean(AbstractAuthorizationAuditListener.class)
	ForwardedAuthorizationAuditListener palisadeAuthorizationAuditListener() {
		return new ForwardedAuthorizationAuditListener();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	PalisadeAuditEndpoint palisadeAuditEndpoint(AuditVerifier verifier, AuditSink sink,
			PalisadeAuditProperties properties) {
		return new PalisadeAuditEndpoint(verifier, sink, properties.path());
	}
}
