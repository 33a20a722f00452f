package dev.palisade.security.apikey;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import dev.palisade.security.principal.PrincipalKind;

/**
 * What a caller asks for when creating a key. Field rules are checked by {@link ApiKeyRecord}
 * (throwing {@link InvalidApiKeyRequestException}); scopes are also checked against the
 * creator's permissions by {@link ApiKeyService}.
 *
 * @param name a human label
 * @param ownerSubject the user or service account the key acts for
 * @param ownerKind {@link PrincipalKind#USER} or {@link PrincipalKind#SERVICE}
 * @param org the organisation the key is scoped to
 * @param project the project within {@code org}, or {@code null}
 * @param scopes the permissions the key carries
 * @param ttl how long the key lives, or {@code null} for the service's default
 * @param plan the rate-limit plan of the key's calls, or {@code null} for none (an application
 * normally gives a key its creator's plan, so a key cannot buy a larger budget)
 */
public record ApiKeyCreateRequest(String name, String ownerSubject, PrincipalKind ownerKind, String org,
		String project, Set<String> scopes, Duration ttl, String plan) {

	public ApiKeyCreateRequest {
		scopes = Set.copyOf(Objects.requireNonNullElse(scopes, Set.of()));
		if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
			throw new InvalidApiKeyRequestException("ttl must be positive");
		}
	}

	/** A request for a key without a plan. */
	public ApiKeyCreateRequest(String name, String ownerSubject, PrincipalKind ownerKind, String org, String project,
			Set<String> scopes, Duration ttl) {
		this(name, ownerSubject, ownerKind, org, project, scopes, ttl, null);
	}

}
