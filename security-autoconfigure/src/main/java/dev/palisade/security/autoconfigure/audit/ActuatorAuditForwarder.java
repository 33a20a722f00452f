package dev.palisade.security.autoconfigure.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.palisade.security.audit.AuditEvent;
import dev.palisade.security.audit.AuditListener;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes every written Palisade audit record as an {@link AuditApplicationEvent}, so Spring
 * Boot's {@code AuditEventRepository} and the {@code auditevents} endpoint show it. The type is the
 * action ({@code access_token.authenticate}, {@code authorize}...); the principal is the actor id,
 * or the actor kind when nobody was authenticated.
 */
final class ActuatorAuditForwarder implements AuditListener {

	private final ApplicationEventPublisher publisher;

	ActuatorAuditForwarder(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void onWritten(AuditEvent event, long sequence) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("sequence", sequence);
		data.put("result", event.result().wireName());
		data.put("actorKind", event.actor().kind());
		putIfPresent(data, "org", event.actor().org());
		putIfPresent(data, "reasonCode", event.reasonCode());
		putIfPresent(data, "clientIp", event.clientIp());
		putIfPresent(data, "traceId", event.traceId());
		if (event.resource() != null) {
			data.put("resourceType", event.resource().type());
			putIfPresent(data, "resourceId", event.resource().id());
		}
		data.putAll(event.details());
		String principal = (event.actor().id() != null) ? event.actor().id() : event.actor().kind();
		this.publisher.publishEvent(new AuditApplicationEvent(event.timestamp(), principal, event.action(), data));
	}

	private static void putIfPresent(Map<String, Object> data, String key, Object value) {
		if (value != null) {
			data.put(key, value);
		}
	}
}
