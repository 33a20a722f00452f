package dev.palisade.security.user;

import java.util.Objects;
import java.util.Set;

/**
 * A machine client that gets access tokens with {@code grant_type=client_credentials}. Its secret
 * is stored hashed, like a password. {@link #toString()} leaves the hash out.
 *
 * @param clientId the client identifier, also the token subject
 * @param secretHash the client secret's hash with its {@code {id}} prefix
 * @param org the client's organisation, or {@code null} for a platform-scope client
 * @param project the client's project within {@code org}, or {@code null}
 * @param roles the client's roles at that scope
 * @param plan the client's rate-limit plan, written into tokens as the {@code plan} claim, or {@code null}
 */
public record ServiceAccount(String clientId, String secretHash, String org, String project, Set<String> roles,
		String plan) {

	public ServiceAccount {
		Objects.requireNonNull(clientId, "clientId");
		if (clientId.isBlank()) {
			throw new IllegalArgumentException("clientId must not be blank");
		}
		if (project != null && org == null) {
			throw new IllegalArgumentException("a project scope needs an org");
		}
		roles = (roles != null) ? Set.copyOf(roles) : Set.of();
	}

	@Override
	public String toString() {
		return "ServiceAccount[" + this.clientId + "]";
	}
}
