package dev.palisade.security.autoconfigure.audit;

import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.web.BearerCredentialRouting;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;

/**
 * Records Spring Security's authentication successes and failures and authorization denials.
 * The event publishers make sure the events exist: the authentication publisher maps every
 * failure (also Palisade's own credential exceptions) to an event, and the authorization
 * publisher is picked up by URL rules and method security alike.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(DefaultAuthenticationEventPublisher.class)
class SecurityEventAuditConfiguration {

	@Bean
	@ConditionalOnMissingBean(AuthenticationEventPublisher.class)
	DefaultAuthenticationEventPublisher palisadeAuthenticationEventPublisher(ApplicationEventPublisher publisher) {
		DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
		events.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
		return events;
	}

	@Bean
	@ConditionalOnMissingBean(AuthorizationEventPublisher.class)
	SpringAuthorizationEventPublisher palisadeAuthorizationEventPublisher(ApplicationEventPublisher publisher) {
		return new SpringAuthorizationEventPublisher(publisher);
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityEventAuditor palisadeSecurityEventAuditor(AuditRecorder recorder,
			ObjectProvider<BearerCredentialRouting> routing, PalisadeAuditProperties properties) {
		return new SecurityEventAuditor(recorder, routing.getIfAvailable(BearerCredentialRouting::accessTokensOnly),
				properties.requestAuthentications());
	}
}
