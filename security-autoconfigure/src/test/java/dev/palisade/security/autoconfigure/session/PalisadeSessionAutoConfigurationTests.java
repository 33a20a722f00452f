package dev.palisade.security.autoconfigure.session;

import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
import dev.palisade.security.federation.ExternalIdentity;
import dev.palisade.security.federation.ExternalIdentityLinker;
import dev.palisade.security.principal.PalisadePrincipal;
import dev.palisade.security.web.StoreCheckedSessionRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

class PalisadeSessionAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PalisadeSessionAutoConfiguration.class,
				PalisadeInMemorySessionAutoConfiguration.class))
		.withUserConfiguration(WebSecurity.class);

	@Test
	void offByDefaultSoNoSessionsAtAll() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean("palisadeSessionFilterChain");
			assertThat(context).doesNotHaveBean(SessionRepositoryFilter.class);
		});
	}

	@Test
	void onWithoutUsersStartUpFailsNamingTheProperty() {
		this.runner.withPropertyValues("palisade.session.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("palisade.session.enabled"));
	}

	@Test
	void theInMemoryRepositoryTakesTheIdleTimeout() {
		withUsers(this.runner).withPropertyValues("palisade.session.enabled=true", "palisade.session.idle-timeout=7m")
			.run((context) -> {
				MapSessionRepository repository = context.getBean(MapSessionRepository.class);
				assertThat(repository.createSession().getMaxInactiveInterval()).hasMinutes(7);
				assertThat(context).hasSingleBean(SessionRepositoryFilter.class);
				assertThat(cookie(context)).contains("PALISADE_SESSION=", "Secure", "HttpOnly", "SameSite=Lax");
			});
	}

	@Test
	void bootsJdbcSessionsAreUsedInsteadAndKeepPalisadesCookie() {
		org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
		h2.setURL("jdbc:h2:mem:sessions;DB_CLOSE_DELAY=-1");
		withUsers(this.runner)
			.withConfiguration(AutoConfigurations.of(
					org.springframework.boot.session.autoconfigure.SessionAutoConfiguration.class,
					org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration.class))
			.withBean(javax.sql.DataSource.class, () -> h2)
			.withBean(org.springframework.transaction.PlatformTransactionManager.class,
					() -> new org.springframework.jdbc.support.JdbcTransactionManager(h2))
			.withPropertyValues("palisade.session.enabled=true", "spring.session.jdbc.initialize-schema=always")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(org.springframework.session.SessionRepository.class))
					.isInstanceOf(org.springframework.session.jdbc.JdbcIndexedSessionRepository.class);
				assertThat(context).doesNotHaveBean(MapSessionRepository.class);
				assertThat(cookie(context)).contains("PALISADE_SESSION=", "HttpOnly", "SameSite=Lax");
			});
	}

	@Test
	void anOidcLinkThatWouldAdmitEveryoneFailsStartUpNamingIt() {
		withUsers(this.runner)
			.withPropertyValues("palisade.session.enabled=true", "palisade.session.oidc.links[0].provider=google",
					"palisade.session.oidc.links[0].org=acme")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidPalisadePropertyException.class)
				.hasMessageContaining("palisade.session.oidc.links[0]")
				.hasMessageContaining("email-domains or subjects"));
	}

	@Test
	void configuredLinksDecideWhoSignsInThroughAProvider() {
		withUsers(this.runner)
			.withPropertyValues("palisade.session.enabled=true", "palisade.session.oidc.links[0].provider=google",
					"palisade.session.oidc.links[0].org=acme", "palisade.session.oidc.links[0].email-domains=acme.example",
					"palisade.session.oidc.links[0].roles=org:member")
			.run((context) -> {
				ExternalIdentityLinker linker = context.getBean(ExternalIdentityLinker.class);
				assertThat(linker.link(new ExternalIdentity("google", null, "1", "ada@acme.example", true, null)))
					.get()
					.extracting(PalisadePrincipal::subject, PalisadePrincipal::org)
					.containsExactly("google:1", "acme");
				assertThat(linker.link(new ExternalIdentity("google", null, "2", "eve@evil.example", true, null)))
					.isEmpty();
			});
	}

	@Test
	void aProviderWhoseCallbackIsOutsideTheUiFailsStartUpNamingItsRedirectUri() {
		ClientRegistration google = ClientRegistration.withRegistrationId("google")
			.clientId("id")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("https://idp.test/authorize")
			.tokenUri("https://idp.test/token")
			.build();
		withUsers(this.runner)
			.withBean(ClientRegistrationRepository.class, () -> new InMemoryClientRegistrationRepository(google))
			.withPropertyValues("palisade.session.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidPalisadePropertyException.class)
				.hasMessageContaining("spring.security.oauth2.client.registration.google.redirect-uri"));
	}

	@Test
	void aSessionStoreThatCannotBeSearchedByUserGetsTheStoreCheckedRegistry() {
		withUsers(this.runner).withPropertyValues("palisade.session.enabled=true")
			.run((context) -> assertThat(context.getBean(SessionRegistry.class))
				.isInstanceOf(StoreCheckedSessionRegistry.class));
	}

	private static String cookie(org.springframework.context.ApplicationContext context) {
		org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest();
		org.springframework.mock.web.MockHttpServletResponse response = new org.springframework.mock.web.MockHttpServletResponse();
		context.getBean(org.springframework.session.web.http.CookieSerializer.class)
			.writeCookieValue(new org.springframework.session.web.http.CookieSerializer.CookieValue(request, response, "abc"));
		return response.getHeader("Set-Cookie");
	}

	private static WebApplicationContextRunner withUsers(WebApplicationContextRunner runner) {
		return runner
			.withBean(dev.palisade.security.web.tokenendpoint.TokenGrantSettings.class,
					() -> new dev.palisade.security.web.tokenendpoint.TokenGrantSettings(java.util.Set.of(),
							(username) -> java.util.Optional.empty(), null, "test"))
			.withBean(dev.palisade.security.crypto.password.PasswordVerification.class,
					() -> new dev.palisade.security.crypto.password.PasswordVerification(
							dev.palisade.security.crypto.password.DelegatingPasswordHasher.createDefault()));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	static class WebSecurity {

	}
}
