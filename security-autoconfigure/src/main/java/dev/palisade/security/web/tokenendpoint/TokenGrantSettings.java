package dev.palisade.security.web.tokenendpoint;

import java.util.EnumSet;
import java.util.Set;

import dev.palisade.security.user.PalisadeUserDirectory;
import dev.palisade.security.user.ServiceAccountDirectory;

/**
 * Which grants the token endpoint serves and whom it asks about callers. A grant is served only
 * when it is enabled and has what it needs: {@code password} and {@code refresh_token} a user
 * directory, {@code client_credentials} a service-account directory.
 *
 * @param enabled the grants switched on
 * @param users the people who sign in, or {@code null} for none
 * @param clients the service accounts, or {@code null} for none
 * @param realm the realm named in a {@code Basic} challenge after a failed client authentication
 */
public record TokenGrantSettings(Set<TokenGrantType> enabled, PalisadeUserDirectory users,
		ServiceAccountDirectory clients, String realm) {

	public TokenGrantSettings {
		enabled = (enabled == null || enabled.isEmpty()) ? Set.of() : Set.copyOf(EnumSet.copyOf(enabled));
	}

	/** Whether a request for this grant is served (else it is {@code unsupported_grant_type}). */
	public boolean allows(TokenGrantType grant) {
		if (!this.enabled.contains(grant)) {
			return false;
		}
		return switch (grant) {
			case PASSWORD, REFRESH_TOKEN -> this.users != null;
			case CLIENT_CREDENTIALS -> this.clients != null;
		};
	}
}
