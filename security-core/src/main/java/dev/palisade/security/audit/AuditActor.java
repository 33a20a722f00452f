package dev.palisade.security.audit;

import java.util.Objects;

import dev.palisade.security.principal.PalisadePrincipal;

/**
 * Who acted: the caller's credential kind, its identifier and its organisation.
 *
 * @param kind the wire name of the credential kind ({@code user}, {@code api_key}...), or {@code anonymous} / {@code system}
 * @param id the caller's identifier, or {@code null} when nobody was authenticated
 * @param org the caller's organisation, or {@code null}
 */
public record AuditActor(String kind, String id, String org) {

	/** Kind used for calls that carried no valid credential. */
	public static final String ANONYMOUS = "anonymous";

	/** Kind used for actions the application takes on its own (key rotation, start-up). */
	public static final String SYSTEM = "system";

	public AuditActor {
		Objects.requireNonNull(kind, "kind");
		if (kind.isBlank()) {
			throw new IllegalArgumentException("actor kind must not be blank");
		}
	}

	/** The actor for an authenticated principal. */
	public static AuditActor of(PalisadePrincipal principal) {
		return new AuditActor(principal.kind().wireName(), principal.subject(), principal.org());
	}

	/** An unauthenticated caller. */
	public static AuditActor anonymous() {
		return new AuditActor(ANONYMOUS, null, null);
	}

	/** The application itself, named by {@code id} (for example {@code key-rotation}). */
	public static AuditActor system(String id) {
		return new AuditActor(SYSTEM, id, null);
	}
}
