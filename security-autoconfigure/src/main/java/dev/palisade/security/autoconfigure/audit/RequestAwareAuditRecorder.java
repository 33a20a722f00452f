package dev.palisade.security.autoconfigure.audit;

import dev.palisade.security.audit.AuditActor;
import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditLog;
import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.audit.Durability;
import dev.palisade.security.principal.PalisadePrincipal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

/**
 * Appends events to the {@link AuditLog}, filling in what the caller left empty: the actor from
 * the current {@code SecurityContext} (when the event's actor is anonymous and a Palisade
 * principal is signed in), and client address, user agent and W3C trace id from the current
 * servlet request. Events recorded outside a request keep what they carry.
 */
final class RequestAwareAuditRecorder implements AuditRecorder {

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			RequestAwareAuditRecorder.class.getClassLoader())
			&& ClassUtils.isPresent("org.springframework.web.context.request.RequestContextHolder",
					RequestAwareAuditRecorder.class.getClassLoader());

	private final AuditLog log;

	RequestAwareAuditRecorder(AuditLog log) {
		this.log = log;
	}

	@Override
	public void record(AuditEvent event) {
		this.log.append(enrich(event));
	}

	@Override
	public void recordBatched(AuditEvent event) {
		this.log.append(enrich(event), Durability.BATCHED);
	}

	static AuditEvent enrich(AuditEvent event) {
		AuditActor actor = event.actor();
		if (AuditActor.ANONYMOUS.equals(actor.kind()) && actor.id() == null) {
			Authentication current = SecurityContextHolder.getContext().getAuthentication();
			if (current != null && current.isAuthenticated() && current.getPrincipal() instanceof PalisadePrincipal principal) {
				actor = AuditActor.of(principal);
			}
		}
		String clientIp = event.clientIp();
		String userAgent = event.userAgent();
		String traceId = event.traceId();
		CurrentRequest request = SERVLET_PRESENT ? CurrentRequest.get() : null;
		if (request != null) {
			clientIp = (clientIp != null) ? clientIp : request.clientIp();
			userAgent = (userAgent != null) ? userAgent : request.userAgent();
			traceId = (traceId != null) ? traceId : AuditEvent.traceIdFromTraceparent(request.traceparent());
		}
		if (actor == event.actor() && clientIp == event.clientIp() && userAgent == event.userAgent()
				&& traceId == event.traceId()) {
			return event;
		}
		return new AuditEvent(event.id(), event.timestamp(), actor, event.action(), event.resource(), event.result(),
				event.reasonCode(), clientIp, userAgent, traceId, event.details());
	}
}
