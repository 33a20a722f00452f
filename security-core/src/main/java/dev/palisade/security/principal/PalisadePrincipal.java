package dev.palisade.security.principal;

import java.io.Serializable;
import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * The one principal model for every credential kind: a JWT, an API key and a client
 * certificate all resolve to this, so authorization code never cares how a caller
 * authenticated. It is a {@link Principal} named by its subject, and serializable, so a session
 * store (JDBC, Redis) can keep a signed-in user.
 *
 * @param subject stable identifier of the caller (user id, service name, key id, certificate subject)
 * @param kind how the caller authenticated
 * @param org the organisation the credential is scoped to, or {@code null} for platform-wide callers
 * @param project the project within {@code org} the credential is scoped to, or {@code null}
 * @param roles role names granted to the caller (for example {@code org:admin})
 * @param permissions explicit {@code resource:action} permissions carried by the credential
 */
public record PalisadePrincipal(String subject, PrincipalKind kind, String org, String project, Set<String> roles,
		Set<String> permissions) implements Principal, Serializable {

	public PalisadePrincipal {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(kind, "kind");
		if (subject.isBlank()) {
			throw new IllegalArgumentException("subject must not be blank");
		}
		if (project != null && org == null) {
			throw new IllegalArgumentException("a project scope needs an org");
		}
		roles = (roles != null) ? Set.copyOf(roles) : Set.of();
		permissions = (permissions != null) ? Set.copyOf(permissions) : Set.of();
	}

	/** The name used by Spring Security's {@code Principal#getName()}. */
	public String name() {
		return this.subject;
	}

	/** The subject, as {@link Principal} names it (Spring Security's {@code Authentication#getName()}). */
	@Override
	public String getName() {
		return this.subject;
	}
}
