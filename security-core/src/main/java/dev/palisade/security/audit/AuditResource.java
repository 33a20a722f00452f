package dev.palisade.security.audit;

import java.util.Objects;

/**
 * What was acted on.
 *
 * @param type the resource type, for example {@code api_key} or {@code project}
 * @param id the resource identifier, or {@code null} for a collection
 * @param org the owning organisation, or {@code null}
 * @param project the owning project within {@code org}, or {@code null}
 */
public record AuditResource(String type, String id, String org, String project) {

	public AuditResource {
		Objects.requireNonNull(type, "type");
		if (type.isBlank()) {
			throw new IllegalArgumentException("resource type must not be blank");
		}
	}

	/** A resource with a type and an id only. */
	public static AuditResource of(String type, String id) {
		return new AuditResource(type, id, null, null);
	}
}
