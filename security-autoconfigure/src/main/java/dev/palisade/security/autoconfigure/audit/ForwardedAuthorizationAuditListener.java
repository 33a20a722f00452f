package dev.palisade.security.autoconfigure.audit;

import org.springframework.boot.actuate.security.AbstractAuthorizationAuditListener;
import org.springframework.security.authorization.event.AuthorizationEvent;

/**
 * Stands in for Spring Boot's {@code AuthorizationAuditListener} (which backs off when a bean of
 * this type exists): Palisade forwards its own record of every denial, so Boot's would be a
 * duplicate.
 */
final class ForwardedAuthorizationAuditListener extends AbstractAuthorizationAuditListener {

	@Override
	public void onApplicationEvent(AuthorizationEvent event) {
		// forwarded by ActuatorAuditForwarder from the Palisade audit log
	}
}
