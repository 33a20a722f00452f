package dev.palisade.security.token;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.principal.PrincipalKind;

/**
 * What to put into a new access token.
 *
 * @param subject the {@code sub} claim
 * @param kind principal kind, written as the {@code kind} claim
 * @param org organisation scope, or {@code null}
 * @param project project scope within {@code org}, or {@code null}
 * @param roles role names
 * @param permissions permissions (also written space-joined as {@code scope})
 * @param ttl lifetime override, or {@code null} for the configured TTL
 */
public record AccessTokenRequest(String subject, PrincipalKind kind, String org, String project, Set<String> roles,
		Set<String> permissions, Duration ttl) {

	public AccessTokenRequest {
		Objects.requireNonNull(subject, "subject");
		if (subject.isBlank()) {
			throw new IllegalArgumentException("subject must not be blank");
		}
		kind = (kind != null) ? kind : PrincipalKind.USER;
		if (project != null && org == null) {
			throw new IllegalArgumentException("a project scope needs an org");
		}
		roles = (roles != null) ? Set.copyOf(roles) : Set.of();
		permissions = (permissions != null) ? Set.copyOf(permissions) : Set.of();
		if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
			throw new IllegalArgumentException("ttl must be positive");
		}
	}

	/** A request for the given principal with the configured TTL. */
	public static AccessTokenRequest of(PalisadePrincipal principal) {
		return new AccessTokenRequest(principal.subject(), principal.kind(), principal.org(), principal.project(),
				principal.roles(), principal.permissions(), null);
	}

	/** A copy with a TTL override. */
	public AccessTokenRequest withTtl(Duration ttl) {
		return new AccessTokenRequest(this.subject, this.kind, this.org, this.project, this.roles, this.permissions,
				ttl);
	}

}
