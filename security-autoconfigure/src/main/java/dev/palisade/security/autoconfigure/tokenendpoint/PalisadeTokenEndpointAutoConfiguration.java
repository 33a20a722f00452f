package dev.palisade.security.autoconfigure.tokenendpoint;

import java.util.ArrayList;
import java.util.List;

import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.autoconfigure.audit.PalisadeAuditAutoConfiguration;
import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
import dev.palisade.security.autoconfigure.crypto.PalisadePasswordAutoConfiguration;
import dev.palisade.security.autoconfigure.ratelimit.PalisadeRateLimitAutoConfiguration;
import dev.palisade.security.autoconfigure.refresh.PalisadeRefreshAutoConfiguration;
import dev.palisade.security.autoconfigure.token.PalisadeTokenAutoConfiguration;
import dev.palisade.security.autoconfigure.web.PalisadeWebProperties;
import dev.palisade.security.crypto.password.PasswordVerification;
import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.totp.TotpService;
import dev.palisade.security.ratelimit.SignInThrottle;
import dev.palisade.security.refresh.AccessTokenDenyList;
import dev.palisade.security.refresh.RefreshTokenService;
import dev.palisade.security.token.AccessTokenIssuer;
import dev.palisade.security.token.AccessTokenVerifier;
import dev.palisade.security.user.PalisadeUserDirectory;
import dev.palisade.security.user.ServiceAccount;
import dev.palisade.security.user.ServiceAccountDirectory;
import dev.palisade.security.web.PalisadeEndpointPaths;
import dev.palisade.security.web.tokenendpoint.RevocationEndpoint;
import dev.palisade.security.web.tokenendpoint.TokenEndpoint;
import dev.palisade.security.web.tokenendpoint.TokenGrantSettings;
import dev.palisade.security.web.tokenendpoint.UserDetailsServiceUserDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Palisade's token endpoint, RFC 7009 revocation and sign-out everywhere, when there is someone to
 * sign in: a {@link PalisadeUserDirectory} bean (or the application's {@link UserDetailsService},
 * adapted), a {@link ServiceAccountDirectory} bean, or clients under
 * {@code palisade.token-endpoint.clients}. Their paths are added to the URL rules: the token and
 * revocation paths public, the sign-out path for any authenticated caller. Runs before Spring
 * Boot's {@link UserDetailsServiceAutoConfiguration}, so that Boot's generated development user
 * never becomes a way to get tokens.
 */
@AutoConfiguration(
		after = { PalisadeTokenAutoConfiguration.class, PalisadeRefreshAutoConfiguration.class,
				PalisadePasswordAutoConfiguration.class, PalisadeRateLimitAutoConfiguration.class,
				PalisadeAuditAutoConfiguration.class },
		before = UserDetailsServiceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ RequestMappingHandlerMapping.class, UserDetailsService.class })
@ConditionalOnBooleanProperty(name = "palisade.token-endpoint.enabled", matchIfMissing = true)
@ConditionalOnBean({ AccessTokenIssuer.class, AccessTokenVerifier.class, RefreshTokenService.class,
		AccessTokenDenyList.class, PasswordVerification.class })
@EnableConfigurationProperties(PalisadeTokenEndpointProperties.class)
public final class PalisadeTokenEndpointAutoConfiguration {

	private static final String PREFIX = "palisade.token-endpoint";

	/** The endpoints, when there is someone to sign in. */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnSignInSourceCondition.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TokenGrantSettings palisadeTokenGrantSettings(PalisadeTokenEndpointProperties properties,
				ObjectProvider<PalisadeUserDirectory> users, ObjectProvider<UserDetailsService> userDetails,
				ObjectProvider<ServiceAccountDirectory> clients, ObjectProvider<PalisadeWebProperties> web) {
			PalisadeUserDirectory directory = users.getIfUnique();
			if (directory == null) {
				UserDetailsService details = userDetails.getIfUnique();
				directory = (details != null) ? new UserDetailsServiceUserDirectory(details) : null;
			}
			PalisadeWebProperties webProperties = web.getIfAvailable();
			return new TokenGrantSettings(properties.grantTypes(), directory, clients.getIfUnique(),
					(webProperties != null) ? webProperties.realm() : "palisade");
		}

		@Bean
		@ConditionalOnMissingBean
		TokenEndpoint palisadeTokenEndpoint(TokenGrantSettings settings, PasswordVerification passwords,
				AccessTokenIssuer issuer, RefreshTokenService refreshTokens,
				ObjectProvider<AuthenticationEventPublisher> signInEvents, ObjectProvider<SignInThrottle> signInThrottle,
				ObjectProvider<ClientIpResolver> clientIpResolver, ObjectProvider<TotpService> totp) {
			TokenEndpoint endpoint = new TokenEndpoint(settings, passwords, issuer, refreshTokens,
					signInEvents.getIfAvailable(), signInThrottle.getIfAvailable(),
					clientIpResolver.getIfAvailable(ClientIpResolver::direct));
			totp.ifAvailable(endpoint::setSecondFactor);
			return endpoint;
		}

		@Bean
		@ConditionalOnMissingBean
		RevocationEndpoint palisadeRevocationEndpoint(RefreshTokenService refreshTokens,
				AccessTokenVerifier accessTokens, AccessTokenDenyList denyList, ObjectProvider<AuditRecorder> audit) {
			return new RevocationEndpoint(refreshTokens, accessTokens, denyList,
					audit.getIfAvailable(() -> AuditRecorder.NONE));
		}

		@Bean
		@ConditionalOnMissingBean(name = "palisadeTokenEndpointPaths")
		PalisadeEndpointPaths palisadeTokenEndpointPaths(PalisadeTokenEndpointProperties properties) {
			return new PalisadeEndpointPaths(List.of(properties.path(), properties.revocationPath()),
					List.of(properties.logoutAllPath()));
		}
	}

	/**
	 * {@code enabled: true} said outright with nobody to sign in: fail start-up rather than serve no
	 * endpoint in silence.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "palisade.token-endpoint.enabled", havingValue = "true")
	@Conditional(NoSignInSourceCondition.class)
	static class EnabledWithoutSignInSourceConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TokenEndpoint palisadeTokenEndpoint() {
			throw new InvalidPalisadePropertyException(PREFIX + ".enabled",
					"is true, but there is nobody to sign in",
					"Define a PalisadeUserDirectory (or UserDetailsService) bean for the password grant, or "
							+ PREFIX + ".clients (or a ServiceAccountDirectory bean) for client_credentials.",
					null);
		}
	}

	/** The service accounts of {@code palisade.token-endpoint.clients}, when the application defines none. */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnConfiguredClientsCondition.class)
	static class ConfiguredClientsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ServiceAccountDirectory palisadeServiceAccountDirectory(PalisadeTokenEndpointProperties properties) {
			List<PalisadeTokenEndpointProperties.Client> clients = properties.clients();
			List<ServiceAccount> accounts = new ArrayList<>();
			for (int i = 0; i < clients.size(); i++) {
				accounts.add(account(clients.get(i), PREFIX + ".clients[" + i + "]"));
			}
			try {
				return ServiceAccountDirectory.of(accounts);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidPalisadePropertyException(PREFIX + ".clients", ex.getMessage(),
						"Give every client its own client-id.", null);
			}
		}

		private static ServiceAccount account(PalisadeTokenEndpointProperties.Client client, String property) {
			if (client.clientId() == null || client.clientId().isBlank()) {
				throw new InvalidPalisadePropertyException(property + ".client-id", "a client needs a client-id",
						"Set client-id, or remove the client.", null);
			}
			if (client.secretHash() == null || client.secretHash().isBlank()) {
				throw new InvalidPalisadePropertyException(property + ".secret-hash",
						"client '" + client.clientId() + "' has no secret hash",
						"Hash the client secret like a password (for example with PasswordHasher) and set secret-hash.",
						null);
			}
			try {
				return client.toServiceAccount();
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidPalisadePropertyException(property, ex.getMessage(),
						"Give the client an org when it has a project.", ex);
			}
		}
	}
}
