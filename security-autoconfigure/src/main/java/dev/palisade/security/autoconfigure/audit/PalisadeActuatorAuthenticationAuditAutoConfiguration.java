package dev.palisade.security.autoconfigure.audit;

import dev.palisade.security.autoconfigure.web.PalisadeWebSecurityAutoConfiguration;
import dev.palisade.security.web.PalisadeAuthenticationProviders;

import org.springframework.boot.actuate.security.AbstractAuthenticationAuditListener;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;

/**
 * Keeps Spring Boot's {@code AuthenticationAuditListener} away whenever Palisade's web security is
 * active, whether or not Palisade's audit log is enabled: for a refused bearer credential Boot's
 * listener records the raw access token or API key as the principal name. With
 * {@code palisade.audit.enabled=true} Palisade forwards its own records instead; with it off,
 * Actuator gets no authentication events rather than credentials.
 */
@AutoConfiguration(after = PalisadeWebSecurityAutoConfiguration.class,
		beforeName = "org.springframework.boot.actuate.autoconfigure.audit.AuditAutoConfiguration")
@ConditionalOnClass({ AbstractAuthenticationAuditListener.class, AbstractAuthenticationEvent.class })
@ConditionalOnBean(PalisadeAuthenticationProviders.class)
public final class PalisadeActuatorAuthenticationAuditAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(AbstractAuthenticationAuditListener.class)
	ForwardedAuthenticationAuditListener palisadeAuthenticationAuditListener() {
		return new ForwardedAuthenticationAuditListener();
	}
}
