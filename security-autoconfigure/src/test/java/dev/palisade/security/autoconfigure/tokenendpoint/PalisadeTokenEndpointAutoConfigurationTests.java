package dev.palisade.security.autoconfigure.tokenendpoint;

import java.util.Optional;

import dev.palisade.security.autoconfigure.access.PalisadeAccessAutoConfiguration;
import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
import dev.palisade.security.autoconfigure.crypto.PalisadePasswordAutoConfiguration;
import dev.palisade.security.autoconfigure.refresh.PalisadeRefreshAutoConfiguration;
import dev.palisade.security.autoconfigure.token.PalisadeTokenAutoConfiguration;
import dev.palisade.security.autoconfigure.web.PalisadeWebSecurityAutoConfiguration;
import dev.palisade.security.access.url.UrlAccessRules;
import dev.palisade.security.access.url.UrlRequirement;
import dev.palisade.security.user.PalisadeUserDirectory;
import dev.palisade.security.user.ServiceAccountDirectory;
import dev.palisade.security.web.PalisadeEndpointPaths;
import dev.palisade.security.web.tokenendpoint.RevocationEndpoint;
import dev.palisade.security.web.tokenendpoint.TokenEndpoint;
import dev.palisade.security.web.tokenendpoint.TokenGrantSettings;
import dev.palisade.security.web.tokenendpoint.TokenGrantType;
import dev.palisade.security.web.tokenendpoint.UserDetailsServiceUserDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;

class PalisadeTokenEndpointAutoConfigurationTests {

	private static final String HASH = "{bcrypt}$2a$10$abcdefghijklmnopqrstuu5P0qF8CqJ3XpOeEJhwt7a0f4pPfYtiK";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeTokenAutoConfiguration.class,
				PalisadeRefreshAutoConfiguration.class, PalisadePasswordAutoConfiguration.class,
				PalisadeAccessAutoConfiguration.class, PalisadeWebSecurityAutoConfiguration.class,
				PalisadeTokenEndpointAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
				WebMvcAutoConfiguration.class))
		.withPropertyValues("palisade.tokens.issuer=https://issuer.test", "palisade.audit.enabled=false");

	@Test
	void withNobodyToSignInThereIsNoEndpointEvenBesideBootsGeneratedUser() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(TokenEndpoint.class)
			.doesNotHaveBean(RevocationEndpoint.class)
			.doesNotHaveBean(PalisadeEndpointPaths.class));
	}

	@Test
	void aUserDirectoryTurnsItOnAndOpensItsPaths() {
		this.runner.withUserConfiguration(OwnUsers.class).run((context) -> {
			assertThat(context).hasSingleBean(TokenEndpoint.class).hasSingleBean(RevocationEndpoint.class);
			TokenGrantSettings settings = context.getBean(TokenGrantSettings.class);
			assertThat(settings.users()).isSameAs(context.getBean(PalisadeUserDirectory.class));
			assertThat(settings.allows(TokenGrantType.PASSWORD)).isTrue();
			assertThat(settings.allows(TokenGrantType.CLIENT_CREDENTIALS)).as("no service accounts").isFalse();
			UrlAccessRules rules = context.getBean(UrlAccessRules.class);
			assertThat(rules.match("POST", "/auth/token").orElseThrow().requirement().kind()).isEqualTo(UrlRequirement.Kind.PUBLIC);
			assertThat(rules.match("POST", "/auth/revoke").orElseThrow().requirement().kind()).isEqualTo(UrlRequirement.Kind.PUBLIC);
			assertThat(rules.match("POST", "/auth/logout-all").orElseThrow().requirement().kind()).isEqualTo(UrlRequirement.Kind.AUTHENTICATED);
		});
	}

	@Test
	void thePathsFollowTheProperties() {
		this.runner.withUserConfiguration(OwnUsers.class)
			.withPropertyValues("palisade.token-endpoint.path=/oauth2/token")
			.run((context) -> {
				UrlAccessRules rules = context.getBean(UrlAccessRules.class);
				assertThat(rules.match("POST", "/oauth2/token").orElseThrow().requirement().kind()).isEqualTo(UrlRequirement.Kind.PUBLIC);
				assertThat(rules.match("POST", "/auth/token")).isEmpty();
			});
	}

	@Test
	void theApplicationsUserDetailsServiceIsAdapted() {
		this.runner.withUserConfiguration(OwnUserDetails.class).run((context) -> {
			TokenGrantSettings settings = context.getBean(TokenGrantSettings.class);
			assertThat(settings.users()).isInstanceOf(UserDetailsServiceUserDirectory.class);
			assertThat(settings.users().findByUsername("ops")).hasValueSatisfying(
					(user) -> assertThat(user.roles()).containsExactlyInAnyOrder("platform:admin", "audit:read"));
			assertThat(settings.users().findByUsername("gone")).as("a disabled account is unknown").isEmpty();
			assertThat(settings.users().findByUsername("nobody")).isEmpty();
		});
	}

	@Test
	void configuredClientsAloneTurnItOnForClientCredentialsOnly() {
		this.runner
			.withPropertyValues("palisade.token-endpoint.clients[0].client-id=runner",
					"palisade.token-endpoint.clients[0].secret-hash=" + HASH)
			.run((context) -> {
				TokenGrantSettings settings = context.getBean(TokenGrantSettings.class);
				assertThat(settings.allows(TokenGrantType.CLIENT_CREDENTIALS)).isTrue();
				assertThat(settings.allows(TokenGrantType.PASSWORD)).isFalse();
				assertThat(context.getBean(ServiceAccountDirectory.class).findByClientId("runner")).isPresent();
			});
	}

	@Test
	void aGrantCanBeSwitchedOff() {
		this.runner.withUserConfiguration(OwnUsers.class)
			.withPropertyValues("palisade.token-endpoint.grant-types=refresh-token,client-credentials")
			.run((context) -> assertThat(context.getBean(TokenGrantSettings.class).allows(TokenGrantType.PASSWORD))
				.isFalse());
	}

	@Test
	void enabledFalseTurnsItOff() {
		this.runner.withUserConfiguration(OwnUsers.class)
			.withPropertyValues("palisade.token-endpoint.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TokenEndpoint.class)
				.doesNotHaveBean(PalisadeEndpointPaths.class));
	}

	@Test
	void enabledTrueWithNobodyToSignInFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("palisade.token-endpoint.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidPalisadePropertyException.class)
				.hasMessageContaining("palisade.token-endpoint.enabled");
		});
		this.runner.withUserConfiguration(OwnUsers.class)
			.withPropertyValues("palisade.token-endpoint.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(TokenEndpoint.class));
	}

	@Test
	void theApplicationsOwnEndpointWins() {
		this.runner.withUserConfiguration(OwnUsers.class, OwnEndpoint.class)
			.run((context) -> assertThat(context.getBean(TokenEndpoint.class)).isSameAs(context.getBean("ownEndpoint")));
	}

	@Test
	void aClientWithoutASecretHashNamesTheProperty() {
		this.runner.withPropertyValues("palisade.token-endpoint.clients[0].client-id=runner").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidPalisadePropertyException.class)
				.hasMessageContaining("palisade.token-endpoint.clients[0].secret-hash");
		});
	}

	@Test
	void aDuplicateClientIdNamesTheList() {
		this.runner
			.withPropertyValues("palisade.token-endpoint.clients[0].client-id=runner",
					"palisade.token-endpoint.clients[0].secret-hash=" + HASH,
					"palisade.token-endpoint.clients[1].client-id=runner",
					"palisade.token-endpoint.clients[1].secret-hash=" + HASH)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidPalisadePropertyException.class)
				.hasMessageContaining("palisade.token-endpoint.clients")
				.hasMessageContaining("declared twice"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnUsers {

		@Bean
		PalisadeUserDirectory users() {
			return (username) -> Optional.empty();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnUserDetails {

		@Bean
		UserDetailsService userDetailsService() {
			return new InMemoryUserDetailsManager(
					User.withUsername("ops").password(HASH).roles("platform:admin").authorities("ROLE_platform:admin", "audit:read").build(),
					User.withUsername("gone").password(HASH).roles("platform:admin").disabled(true).build());
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnEndpoint {

		@Bean
		TokenEndpoint ownEndpoint(TokenGrantSettings settings,
				dev.palisade.security.crypto.password.PasswordVerification passwords,
				dev.palisade.security.token.AccessTokenIssuer issuer,
				dev.palisade.security.refresh.RefreshTokenService refreshTokens) {
			return new TokenEndpoint(settings, passwords, issuer, refreshTokens, null, null,
					dev.palisade.security.net.ClientIpResolver.direct());
		}
	}
}
