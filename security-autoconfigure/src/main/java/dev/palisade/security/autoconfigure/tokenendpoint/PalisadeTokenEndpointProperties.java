package dev.palisade.security.autoconfigure.tokenendpoint;

import java.util.List;
import java.util.Set;

import dev.palisade.security.user.ServiceAccount;
import dev.palisade.security.web.tokenendpoint.TokenGrantType;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Palisade's token endpoint ({@code palisade.token-endpoint}).
 *
 * @param enabled Whether to serve the token, revocation and sign-out-everywhere endpoints. They are
 * served only when there is someone to sign in: a PalisadeUserDirectory or UserDetailsService bean,
 * a ServiceAccountDirectory bean, or configured clients.
 * @param path The token endpoint's path (RFC 6749 section 3.2). Public.
 * @param revocationPath The token revocation endpoint's path (RFC 7009). Public: holding a token is
 * the right to revoke it.
 * @param logoutAllPath The path that ends every sign-in of the caller. Needs an authenticated caller.
 * @param grantTypes The grants to serve. The password grant is for an application's own clients only
 * (OAuth 2.1 drops it); remove it when users sign in elsewhere.
 * @param clients Service accounts for the client_credentials grant, used when no
 * ServiceAccountDirectory bean is defined.
 */
@ConfigurationProperties("palisade.token-endpoint")
public record PalisadeTokenEndpointProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("/auth/token") String path, @DefaultValue("/auth/revoke") String revocationPath,
		@DefaultValue("/auth/logout-all") String logoutAllPath,
		@DefaultValue({ "password", "refresh_token", "client_credentials" }) Set<TokenGrantType> grantTypes,
		List<Client> clients) {

	public PalisadeTokenEndpointProperties {
		grantTypes = (grantTypes != null) ? Set.copyOf(grantTypes) : Set.of();
		clients = (clients != null) ? List.copyOf(clients) : List.of();
	}

	/**
	 * A service account of the client_credentials grant.
	 *
	 * @param clientId The client id, also the token subject.
	 * @param secretHash The client secret's hash with its {id} prefix, made like a password hash.
	 * @param org The client's organisation. Empty for a platform-scope client.
	 * @param project The client's project within its organisation.
	 * @param roles The client's roles at that scope.
	 * @param plan The client's rate-limit plan, written into its tokens as the plan claim.
	 */
	public record Client(String clientId, String secretHash, String org, String project, Set<String> roles,
			String plan) {

		ServiceAccount toServiceAccount() {
			return new ServiceAccount(this.clientId, this.secretHash, this.org, this.project, this.roles, this.plan);
		}

		@Override
		public String toString() {
			return "Client[" + this.clientId + "]";
		}
	}
}
