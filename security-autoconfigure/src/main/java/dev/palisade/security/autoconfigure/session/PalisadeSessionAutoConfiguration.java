package dev.palisade.security.autoconfigure.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.autoconfigure.config.InvalidPalisadePropertyException;
import dev.palisade.security.autoconfigure.tokenendpoint.PalisadeTokenEndpointAutoConfiguration;
import dev.palisade.security.autoconfigure.totp.PalisadeTotpAutoConfiguration;
import dev.palisade.security.autoconfigure.web.PalisadeWebSecurityAutoConfiguration;
import dev.palisade.security.crypto.password.PasswordVerification;
import dev.palisade.security.federation.ConfiguredExternalIdentityLinker;
import dev.palisade.security.federation.ExternalIdentityLink;
import dev.palisade.security.federation.ExternalIdentityLinker;
import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.ratelimit.SignInThrottle;
import dev.palisade.security.totp.TotpService;
import dev.palisade.security.web.SessionTimeoutsFilter;
import dev.palisade.security.web.AuditUnavailableFilter;
import dev.palisade.security.web.NetworkPolicyFilter;
import dev.palisade.security.web.PalisadeEndpointPaths;
import dev.palisade.security.web.RequestSizeLimitFilter;
import dev.palisade.security.web.SessionAccessDeniedHandler;
import dev.palisade.security.web.SessionSignInAuthenticationProvider;
import dev.palisade.security.web.StoreCheckedSessionRegistry;
import dev.palisade.security.web.tokenendpoint.TokenGrantSettings;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.filter.CorsFilter;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The web UI's session chain ({@code palisade.session.enabled}), ordered before the API chain and
 * limited to {@code path-prefix/**}: form sign-in ({@link SessionSignInAuthenticationProvider}),
 * session id rotation at sign-in, CSRF protection (this chain only; the API chain stays stateless
 * and CSRF-free), sign-out that deletes the session from its store, a cap on sessions per user, the
 * idle and absolute timeouts ({@link SessionTimeoutsFilter}), the network rules and body limit of
 * {@code palisade.network}, and a UI Content-Security-Policy, with a
 * secure, HttpOnly, SameSite=Lax cookie. Sessions are Spring Session's: Boot's JDBC or Redis
 * support when present, else {@link PalisadeInMemorySessionAutoConfiguration}. With providers
 * registered under {@code spring.security.oauth2.client.registration}, people may also sign in
 * through them ({@code oauth2Login}), as whom the {@link ExternalIdentityLinker} says.
 */
@AutoConfiguration(after = { PalisadeWebSecurityAutoConfiguration.class, PalisadeTokenEndpointAutoConfiguration.class,
		PalisadeTotpAutoConfiguration.class },
		beforeName = "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SessionRepository.class)
@ConditionalOnBooleanProperty("palisade.session.enabled")
@EnableConfigurationProperties(PalisadeSessionProperties.class)
public final class PalisadeSessionAutoConfiguration {

	/**
	 * The session cap's registry: Spring Session's when the store can be searched by user (JDBC,
	 * Redis with {@code repository-type: indexed}), so the cap and its expiry hold across nodes;
	 * else one that counts this node's sign-ins and checks them against the store.
	 */
	@Bean
	@ConditionalOnMissingBean
	SessionRegistry palisadeSessionRegistry(ObjectProvider<SessionRepository<?>> sessions) {
		SessionRepository<?> repository = sessions.getObject();
		if (repository instanceof FindByIndexNameSessionRepository<?> searchable) {
			return new SpringSessionBackedSessionRegistry<>(searchable);
		}
		return new StoreCheckedSessionRegistry(repository);
	}

	/** Who may sign in through an outside provider: {@code palisade.session.oidc.links}. */
	@Bean
	@ConditionalOnMissingBean
	ExternalIdentityLinker palisadeExternalIdentityLinker(PalisadeSessionProperties properties) {
		List<ExternalIdentityLink> links = new ArrayList<>();
		List<PalisadeSessionProperties.Link> configured = properties.oidc().links();
		for (int i = 0; i < configured.size(); i++) {
			PalisadeSessionProperties.Link link = configured.get(i);
			String property = "palisade.session.oidc.links[" + i + "]";
			if (link.provider() == null || link.org() == null) {
				throw new InvalidPalisadePropertyException(property, "needs a provider and an org",
						"Name the registration id (spring.security.oauth2.client.registration.<id>) and the org.", null);
			}
			try {
				links.add(new ExternalIdentityLink(link.provider(), setOf(link.emailDomains()), setOf(link.subjects()),
						link.org(), link.project(), setOf(link.roles())));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidPalisadePropertyException(property, ex.getMessage(),
						"List the email-domains or the subjects it admits.", null);
			}
		}
		return new ConfiguredExternalIdentityLinker(links);
	}

	private static Set<String> setOf(List<String> values) {
		return (values != null) ? Set.copyOf(values) : Set.of();
	}

	@Bean
	@Order(SecurityFilterProperties.BASIC_AUTH_ORDER - 1)
	@ConditionalOnMissingBean(name = "palisadeSessionFilterChain")
	SecurityFilterChain palisadeSessionFilterChain(HttpSecurity http, PalisadeSessionProperties properties,
			ObjectProvider<TokenGrantSettings> grants, ObjectProvider<PasswordVerification> passwords,
			ObjectProvider<TotpService> totp, SessionRegistry sessionRegistry,
			ObjectProvider<AuditRecorder> auditRecorder, ObjectProvider<SignInThrottle> signInThrottle,
			ObjectProvider<ClientIpResolver> clientIpResolver, ObjectProvider<NetworkPolicyFilter> networkPolicy,
			ObjectProvider<RequestSizeLimitFilter> sizeLimit, ObjectProvider<Clock> clock, ListableBeanFactory beans)
			throws Exception {
		TokenGrantSettings settings = grants.getIfAvailable();
		PasswordVerification verification = passwords.getIfAvailable();
		if (settings == null || settings.users() == null || verification == null) {
			throw new InvalidPalisadePropertyException("palisade.session.enabled",
					"is true but there are no users to sign in",
					"Define a PalisadeUserDirectory (or UserDetailsService) bean, as for the token endpoint's password"
							+ " grant.",
					null);
		}
		String prefix = prefix(properties);
		String loginPage = properties.loginPage();
		SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
				new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
		// only this chain's providers decide a sign-in: the global AuthenticationManager (built from an
		// application's UserDetailsService) would check a throttled or wrong attempt again, unthrottled
		http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
		http.securityMatcher(prefix + "/**")
			.securityContext((context) -> context.securityContextRepository(contexts))
			.authenticationProvider(new SessionSignInAuthenticationProvider(settings.users(), verification,
					totp.getIfAvailable(), signInThrottle.getIfAvailable()))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(loginPage).permitAll()
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage(loginPage)
				.loginProcessingUrl(loginPage)
				.authenticationDetailsSource(SessionSignInAuthenticationProvider
					.detailsSource(clientIpResolver.getIfAvailable(ClientIpResolver::direct)))
				.defaultSuccessUrl(prefix + "/", true)
				.failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath()
						+ loginPage + ((exception instanceof SessionSignInAuthenticationProvider.SignInThrottledException)
								? "?throttled" : "?error"))))
			.logout((logout) -> logout.logoutUrl(prefix + "/logout")
				.logoutSuccessUrl(loginPage + "?signed-out")
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies(properties.cookieName()))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId())
				.maximumSessions(properties.maximumSessions())
				.sessionRegistry(sessionRegistry)
				.expiredUrl(loginPage + "?expired"))
			.headers((headers) -> headers
				.addHeaderWriter(new StaticHeadersWriter("Content-Security-Policy", properties.contentSecurityPolicy()))
				.addHeaderWriter(new StaticHeadersWriter("Referrer-Policy", "no-referrer")))
			.exceptionHandling((exceptions) -> exceptions
				.accessDeniedHandler(new SessionAccessDeniedHandler(auditRecorder.getIfAvailable())))
			.addFilterBefore(new SessionTimeoutsFilter(properties.idleTimeout(), properties.absoluteTimeout(),
					clock.getIfAvailable(Clock::systemUTC)),
					SecurityContextHolderFilter.class);
		// as on the API chain: a sign-in whose audit record cannot be written is a 503, not a 500
		http.addFilterBefore(new AuditUnavailableFilter(), DisableEncodeUrlFilter.class);
		// the network rules and the body limit hold for the UI as for the API, before any sign-in
		networkPolicy.ifAvailable((filter) -> {
			if (filter.hasRules()) {
				http.addFilterAfter(filter, HeaderWriterFilter.class);
			}
		});
		sizeLimit.ifAvailable((filter) -> {
			if (filter.isEnabled()) {
				http.addFilterBefore(filter, CorsFilter.class);
			}
		});
		// OIDC / OAuth 2.0 sign-in for the providers registered with Boot, linked by the ExternalIdentityLinker
		FederatedSignIn.configure(http, beans, prefix, loginPage, contexts, auditRecorder.getIfAvailable());
		// CSRF stays on (Spring Security's default): the session-stored token every form carries
		return http.build();
	}

	/**
	 * The UI's paths as the access rules and the access map see them: the session chain answers
	 * them before the API chain, with the sign-in page open and the rest for signed-in users.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "palisadeSessionEndpointPaths")
	PalisadeEndpointPaths palisadeSessionEndpointPaths(PalisadeSessionProperties properties) {
		return new PalisadeEndpointPaths(List.of(properties.loginPage()),
				List.of(prefix(properties) + "/**"));
	}

	private static String prefix(PalisadeSessionProperties properties) {
		String prefix = properties.pathPrefix();
		return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
	}

	/**
	 * The session cookie, whichever store keeps the sessions (this one, or Boot's JDBC or Redis
	 * session support): secure, HttpOnly, SameSite=Lax.
	 */
	@Bean
	@ConditionalOnMissingBean
	CookieSerializer palisadeSessionCookieSerializer(PalisadeSessionProperties properties) {
		DefaultCookieSerializer cookies = new DefaultCookieSerializer();
		cookies.setCookieName(properties.cookieName());
		cookies.setUseSecureCookie(properties.secureCookie());
		cookies.setUseHttpOnlyCookie(true);
		cookies.setSameSite("Lax");
		cookies.setCookiePath("/");
		return cookies;
	}
}
