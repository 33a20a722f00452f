package dev.palisade.security.web;

import java.util.List;

import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.net.ClientIpResolver;
import dev.palisade.security.token.AccessTokenSettings;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.preauth.x509.X509AuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Applies Palisade to a {@code SecurityFilterChain} the application writes itself:
 *
 * <pre class="code">
 * http.with(PalisadeHttpConfigurer.palisade(), Customizer.withDefaults());
 * </pre>
 *
 * It makes the chain a stateless API chain (no session, no CSRF token since no cookie carries
 * the credential, no built-in {@code /logout}), authenticates bearer credentials with the Palisade
 * providers found in the application context (refusing a request with two {@code Authorization}
 * headers), and answers 401/403 with RFC 9457 problem bodies (503 when the audit log refuses to record). Spring Security's resource-server
 * support also answers {@code /.well-known/oauth-protected-resource} (RFC 9728) for anyone; the
 * configurer makes it name Palisade's issuer. Authorization rules stay the application's own: open
 * {@code /error} in them, or an error status reached without a credential is answered 401. Palisade's default chain, used when the application defines
 * none, is this configurer plus the rules from {@code palisade.access}.
 */
public final class PalisadeHttpConfigurer extends AbstractHttpConfigurer<PalisadeHttpConfigurer, HttpSecurity> {

	/** Bean name of the CORS configuration the chain uses when it maps any path ({@code palisade.cors}). */
	public static final String CORS_CONFIGURATION_SOURCE = "palisadeCorsConfigurationSource";

	private BearerTokenResolver bearerTokenResolver;

	private PalisadeHttpConfigurer() {
	}

	/** A new configurer, for {@code http.with(palisade(), ...)}. */
	public static PalisadeHttpConfigurer palisade() {
		return new PalisadeHttpConfigurer();
	}

	/** Replaces how the bearer value is read from the request (default: the Authorization header). */
	public PalisadeHttpConfigurer bearerTokenResolver(BearerTokenResolver bearerTokenResolver) {
		this.bearerTokenResolver = bearerTokenResolver;
		return this;
	}

	@Override
	public void init(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		AuthenticationEntryPoint entryPoint = context.getBean(ProblemAuthenticationEntryPoint.class);
		AccessDeniedHandler accessDeniedHandler = context.getBean(ProblemAccessDeniedHandler.class);
		List<AuthenticationProvider> providers = context.getBean(PalisadeAuthenticationProviders.class).providers();
		ProviderManager bearerManager = new ProviderManager(providers);
		// publish authentication success/failure events (audit, metrics) like Boot-configured managers do
		context.getBeanProvider(AuthenticationEventPublisher.class).ifUnique(bearerManager::setAuthenticationEventPublisher);
		BearerTokenResolver resolver = (this.bearerTokenResolver != null) ? this.bearerTokenResolver
				: new SingleAuthorizationHeaderBearerTokenResolver(new AuthorizationHeaderBearerTokenResolver());
		http.csrf((csrf) -> csrf.disable());
		// Stateless: the security context lives in the request only, so no cookie can carry (or
		// outlive) a credential. Setting SessionCreationPolicy.STATELESS here would not do it:
		// SessionManagementConfigurer chose its session-backed repository in its own init(), which ran
		// before this one, and the policy call would then add a SessionManagementFilter that saves
		// every authenticated context into a new session.
		http.securityContext((securityContext) -> securityContext
			.securityContextRepository(new RequestAttributeSecurityContextRepository()));
		http.sessionManagement(AbstractHttpConfigurer::disable);
		// HttpSecurity's defaults include a LogoutFilter answering any /logout with a redirect to a
		// login page, before any access rule; signing out of a token API is the application's endpoint
		http.logout(AbstractHttpConfigurer::disable);
		http.requestCache((cache) -> cache.disable());
		context.getBeanProvider(SecurityHeaders.class).ifAvailable((headers) -> http.headers(headers::applyTo));
		if (context.containsBean(CORS_CONFIGURATION_SOURCE)
				&& context.getBean(CORS_CONFIGURATION_SOURCE) instanceof UrlBasedCorsConfigurationSource cors
				&& !cors.getCorsConfigurations().isEmpty()) {
			// answers preflights before authentication (CorsFilter sits before every authentication filter)
			http.cors((configurer) -> configurer.configurationSource(cors));
		}
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
			.accessDeniedHandler(accessDeniedHandler));
		AccessTokenSettings tokenSettings = context.getBeanProvider(AccessTokenSettings.class).getIfAvailable();
		String issuer = (tokenSettings != null) ? tokenSettings.issuer() : null;
		http.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(resolver)
			.authenticationManagerResolver((request) -> bearerManager)
			.authenticationEntryPoint(entryPoint)
			.accessDeniedHandler(accessDeniedHandler)
			// Spring publishes RFC 9728 metadata at /.well-known/oauth-protected-resource; make it true
			// for Palisade: it names their issuer, and it takes certificate-bound tokens when it takes client certificates
			.protectedResourceMetadata((metadata) -> metadata.protectedResourceMetadataCustomizer((builder) -> {
				builder.tlsClientCertificateBoundAccessTokens(
						context.getBeanProvider(ClientCertificateSettings.class).getIfAvailable() != null);
				if (issuer != null) {
					builder.authorizationServer(issuer);
				}
			})));
		ApiKeyAuthenticationConverter apiKeyConverter = context.getBeanProvider(ApiKeyAuthenticationConverter.class)
			.getIfAvailable();
		if (apiKeyConverter != null) {
			ApiKeyAuthenticationFilter.addTo(http, apiKeyConverter, bearerManager, entryPoint);
		}
	}

	@Override
	public void configure(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		// outermost: a request the audit log refused is a 503, whichever filter or controller recorded it
		http.addFilterBefore(new AuditUnavailableFilter(), DisableEncodeUrlFilter.class);
		// network rules first (after the header writer, so a refusal carries the security headers), then
		// the body size limit, both before CORS and any authentication
		context.getBeanProvider(NetworkPolicyFilter.class)
			.ifAvailable((filter) -> addIf(filter.hasRules(), http, filter, HeaderWriterFilter.class, true));
		context.getBeanProvider(RequestSizeLimitFilter.class)
			.ifAvailable((filter) -> addIf(filter.isEnabled(), http, filter, CorsFilter.class, false));
		// rate limiting: by address before every authentication filter, by caller between authentication and authorization
		context.getBeanProvider(PreAuthenticationRateLimitFilter.class)
			.ifAvailable((filter) -> http.addFilterBefore(filter, X509AuthenticationFilter.class));
		context.getBeanProvider(RateLimitFilter.class)
			.ifAvailable((filter) -> http.addFilterBefore(filter, AuthorizationFilter.class));
		AuthenticationEntryPoint entryPoint = context.getBean(ProblemAuthenticationEntryPoint.class);
		// mutual TLS: the client certificate as a credential, after the address-based rate limit
		context.getBeanProvider(ClientCertificateSettings.class)
			.ifAvailable((certificates) -> http.addFilterAt(clientCertificateFilter(context, certificates, entryPoint),
					X509AuthenticationFilter.class));
		// RFC 8705: a token bound to a certificate holds only with that certificate, cached or not
		http.addFilterAfter(new CertificateBoundTokenFilter(entryPoint,
				context.getBeanProvider(AuditRecorder.class).getIfAvailable()), BearerTokenAuthenticationFilter.class);
	}

	private static ClientCertificateAuthenticationFilter clientCertificateFilter(ApplicationContext context,
			ClientCertificateSettings certificates, AuthenticationEntryPoint entryPoint) {
		ProviderManager manager = new ProviderManager(
				new ClientCertificateAuthenticationProvider(certificates.authenticator(), certificates.accepted()));
		context.getBeanProvider(AuthenticationEventPublisher.class).ifUnique(manager::setAuthenticationEventPublisher);
		RequestMatcher required = certificates.requiredPaths().isEmpty() ? (request) -> false
				: new OrRequestMatcher(certificates.requiredPaths()
					.stream()
					.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
					.toList());
		ApiKeyAuthenticationConverter apiKeys = context.getBeanProvider(ApiKeyAuthenticationConverter.class)
			.getIfAvailable();
		String apiKeyHeader = (apiKeys != null) ? apiKeys.headerName() : null;
		return new ClientCertificateAuthenticationFilter(manager, required,
				(request) -> request.getHeader(HttpHeaders.AUTHORIZATION) != null
						|| (apiKeyHeader != null && request.getHeader(apiKeyHeader) != null),
				entryPoint,
				(certificates.forwardedHeader() != null) ? new ForwardedCertificates(certificates.forwardedHeader(),
						context.getBeanProvider(ClientIpResolver.class).getIfAvailable(ClientIpResolver::direct),
						context.getBeanProvider(AuditRecorder.class).getIfAvailable()) : ForwardedCertificates.none());
	}

	private static void addIf(boolean condition, HttpSecurity http, jakarta.servlet.Filter filter,
			Class<? extends jakarta.servlet.Filter> neighbour, boolean after) {
		if (condition) {
			if (after) {
				http.addFilterAfter(filter, neighbour);
			}
			else {
				http.addFilterBefore(filter, neighbour);
			}
		}
	}
}
