package dev.palisade.security.audit;

/** Writes an {@link AuditEvent} as canonical JSON: fixed sorted member names, absent values omitted. */
final class AuditEventJson {

	private AuditEventJson() {
	}

	static void write(AuditEvent event, StringBuilder out) {
		CanonicalJson json = new CanonicalJson(out);
		out.append('{');
		json.name("action", true).string(event.action());
		AuditActor actor = event.actor();
		json.name("actor", false);
		out.append('{');
		boolean first = true;
		if (actor.id() != null) {
			json.name("id", true).string(actor.id());
			first = false;
		}
		json.name("kind", first).string(actor.kind());
		optional(json, "org", actor.org(), false);
		out.append('}');
		optional(json, "clientIp", event.clientIp(), false);
		if (!event.details().isEmpty()) {
			json.name("details", false).value(event.details());
		}
		json.name("id", false).string(event.id().toString());
		optional(json, "reasonCode", event.reasonCode(), false);
		AuditResource resource = event.resource();
		if (resource != null) {
			json.name("resource", false);
			out.append('{');
			boolean firstMember = true;
			if (resource.id() != null) {
				json.name("id", true).string(resource.id());
				firstMember = false;
			}
			if (resource.org() != null) {
				json.name("org", firstMember).string(resource.org());
				firstMember = false;
			}
			if (resource.project() != null) {
				json.name("project", firstMember).string(resource.project());
				firstMember = false;
			}
			json.name("type", firstMember).string(resource.type());
			out.append('}');
		}
		json.name("result", false).string(event.result().wireName());
		json.name("timestamp", false).string(event.timestamp().toString());
		optional(json, "traceId", event.traceId(), false);
		optional(json, "userAgent", event.userAgent(), false);
		out.append('}');
	}

	private static void optional(CanonicalJson json, String name, String value, boolean first) {
		if (value != null) {
			json.name(name, first).string(value);
		}
	}
}
