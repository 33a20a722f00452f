package dev.palisade.security.autoconfigure.audit;

import org.springframework.boot.actuate.security.AbstractAuthenticationAuditListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;

/**
 * Stands in for Spring Boot's {@code AuthenticationAuditListener}, which backs off when a bean of
 * this type exists. Palisade already forwards its own record of every authentication to the
 * {@code AuditEventRepository}; Boot's listener would add a duplicate whose principal, for a
 * refused bearer credential, is the raw token or API key.
 */
final class ForwardedAuthenticationAuditListener extends AbstractAuthenticationAuditListener {

	@Override
	public void onApplicationEvent(AbstractAuthenticationEvent event) {
		// forwarded by ActuatorAuditForwarder from the Palisade audit log
	}
}
